package com.ordertracking.shared.application.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.http.Problem;
import com.ordertracking.shared.adapters.http.Problems;
import com.ordertracking.shared.adapters.http.order.NewOrderTest;
import com.ordertracking.shared.adapters.http.order.OrderBodies;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.UseCaseException;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.domain.Totals;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderServiceTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00.123456789Z");

    /** In-memory stand-in for DynamoDB with the repository's documented idempotency semantics. */
    static final class InMemoryOrderRepository implements OrderRepository {
        final Map<String, Order> orders = new HashMap<>();
        final Map<String, IdempotencyClaim> claims = new HashMap<>();
        final Map<String, String> orderIdByClaim = new HashMap<>();
        final List<IdempotencyClaim> claimsSeen = new ArrayList<>();
        int createCalls;

        @Override
        public CreateResult create(Order order, IdempotencyClaim claim, CouponRedemption redemption) {
            createCalls++;
            if (claim != null) {
                claimsSeen.add(claim);
                String claimKey = claim.sellerId() + "#" + claim.key();
                IdempotencyClaim existing = claims.get(claimKey);
                if (existing != null) {
                    String existingOrderId = orderIdByClaim.get(claimKey);
                    return existing.requestHash().equals(claim.requestHash())
                            ? new CreateResult.Replayed(orders.get(existingOrderId))
                            : new CreateResult.KeyReused(existingOrderId);
                }
                claims.put(claimKey, claim);
                orderIdByClaim.put(claimKey, order.orderId());
            }
            orders.put(order.orderId(), order);
            return new CreateResult.Created(order);
        }

        @Override
        public Optional<CreateResult> replay(IdempotencyClaim claim) {
            String claimKey = claim.sellerId() + "#" + claim.key();
            IdempotencyClaim existing = claims.get(claimKey);
            if (existing == null) {
                return Optional.empty();
            }
            String existingOrderId = orderIdByClaim.get(claimKey);
            return Optional.of(existing.requestHash().equals(claim.requestHash())
                    ? new CreateResult.Replayed(orders.get(existingOrderId))
                    : new CreateResult.KeyReused(existingOrderId));
        }

        @Override
        public Page listBySeller(SellerListing listing) {
            throw new UnsupportedOperationException("not used by OrderService");
        }

        @Override
        public Page listByBuyer(String buyerId, int limit, String cursor) {
            throw new UnsupportedOperationException("not used by OrderService");
        }

        @Override
        public Optional<Order> find(String orderId) {
            return Optional.ofNullable(orders.get(orderId));
        }

        @Override
        public void update(Order order, List<TimelineEntry> newEntries) {
            orders.put(order.orderId(), order);
        }

        @Override
        public List<TimelineEntry> timeline(String orderId) {
            return List.of();
        }

        @Override
        public boolean compensate(Order order, List<TimelineEntry> newEntries,
                com.ordertracking.shared.domain.Coupon coupon) {
            throw new UnsupportedOperationException("not used by OrderService");
        }
    }

    private final InMemoryOrderRepository repository = new InMemoryOrderRepository();
    private final AtomicInteger ids = new AtomicInteger();
    private final OrderService service = new OrderService(repository, Clock.fixed(NOW, ZoneOffset.UTC),
            () -> "ord_test" + ids.incrementAndGet());

    private static NewOrder request() {
        return OrderBodies.newOrder(NewOrderTest.body(b -> { }));
    }

    private static NewOrder request(java.util.function.Consumer<ObjectNode> edit) {
        return OrderBodies.newOrder(NewOrderTest.body(edit));
    }

    /** The problem the HTTP adapter answers the use case's refusal with. */
    private static Problem problemOf(Runnable action) {
        UseCaseException e = catchThrowableOfType(UseCaseException.class, action::run);
        assertThat(e).as("expected a UseCaseException").isNotNull();
        return Problems.of(e);
    }

    @Nested
    class Create {
        @Test
        void created_order_is_priced_pending_at_version_one() {
            // GIVEN the valid request: 2 x 12.50 + 19.99, 10% off, 4.99 shipping
            // WHEN a seller creates it
            OrderService.Created created = service.create("seller-1", request(), null);
            // THEN it is a new, pending order at version 1 with the right totals
            Order order = created.order();
            assertThat(created.replayed()).isFalse();
            assertThat(order.orderId()).isEqualTo("ord_test1");
            assertThat(order.sellerId()).isEqualTo("seller-1");
            assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(order.version()).isEqualTo(1);
            assertThat(order.currency()).isEqualTo("USD");
            assertThat(order.totals()).isEqualTo(new Totals(new BigDecimal("44.99"), new BigDecimal("4.50"),
                    new BigDecimal("4.99"), new BigDecimal("45.48")));
            assertThat(order.items()).extracting(item -> item.lineTotal().toPlainString())
                    .containsExactly("25.00", "19.99");
            assertThat(order.discount().amount()).isEqualByComparingTo("4.50");
            // timestamps are the clock's, truncated to milliseconds
            assertThat(order.createdAt()).isEqualTo(Instant.parse("2025-03-01T12:00:00.123Z"));
            assertThat(order.updatedAt()).isEqualTo(order.createdAt());
            assertThat(repository.orders).containsOnlyKeys("ord_test1");
        }

        @Test
        void without_a_key_every_call_creates_a_new_order_and_nothing_is_claimed() {
            service.create("seller-1", request(), null);
            service.create("seller-1", request(), null);
            assertThat(repository.orders).hasSize(2);
            assertThat(repository.claimsSeen).isEmpty();
        }

        @Test
        void a_key_is_claimed_for_the_seller_with_the_request_hash_for_twenty_four_hours() {
            service.create("seller-1", request(), "key-1");
            assertThat(repository.claimsSeen).singleElement().satisfies(claim -> {
                assertThat(claim.sellerId()).isEqualTo("seller-1");
                assertThat(claim.key()).isEqualTo("key-1");
                assertThat(claim.requestHash()).isEqualTo(OrderService.hash(request()));
                assertThat(claim.expiresAtEpochSecond()).isEqualTo(NOW.getEpochSecond() + 24 * 3600);
            });
        }

        @Test
        void same_key_and_same_request_is_a_replay_of_the_first_order() {
            // GIVEN an order created with a key
            Order first = service.create("seller-1", request(), "key-1").order();
            // WHEN the same request is retried with the same key (even formatted differently)
            OrderService.Created retry = service.create("seller-1",
                    request(b -> NewOrderTest.item(b, 0).put("unitPrice", "12.5")), "key-1");
            // THEN the first order is returned, flagged as a replay, and no second order exists
            assertThat(retry.replayed()).isTrue();
            assertThat(retry.order()).isEqualTo(first);
            assertThat(repository.orders).hasSize(1);
        }

        @Test
        void same_key_for_a_different_request_is_a_422() {
            service.create("seller-1", request(), "key-1");
            Problem problem = problemOf(() -> service.create("seller-1",
                    request(b -> NewOrderTest.item(b, 0).put("quantity", 3)), "key-1"));
            assertThat(problem.status()).isEqualTo(422);
            assertThat(problem.type()).isEqualTo("/problems/idempotency-key-reused");
            assertThat(problem.detail()).contains("key-1").contains("ord_test1");
            assertThat(repository.orders).hasSize(1);
        }

        @Test
        void the_same_key_used_by_two_sellers_does_not_collide() {
            service.create("seller-1", request(), "shared-key");
            OrderService.Created other = service.create("seller-2", request(), "shared-key");
            assertThat(other.replayed()).isFalse();
            assertThat(repository.orders).hasSize(2);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "has space", "tab\tkey", "ключ", "caf\u00e9", "line\nbreak"})
        void malformed_idempotency_key_is_a_400_before_anything_is_stored(String key) {
            Problem problem = problemOf(() -> service.create("seller-1", request(), key));
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.type()).isEqualTo("/problems/invalid-idempotency-key");
            assertThat(repository.createCalls).isZero();
        }

        @Test
        void idempotency_key_may_be_up_to_255_visible_ascii_characters() {
            assertThat(service.create("seller-1", request(), "k".repeat(255)).order()).isNotNull();
            assertThat(service.create("seller-1", request(), "!~\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}").order())
                    .isNotNull();
            Problem tooLong = problemOf(() -> service.create("seller-1", request(), "k".repeat(256)));
            assertThat(tooLong.type()).isEqualTo("/problems/invalid-idempotency-key");
        }
    }

    @Nested
    class Get {
        @Test
        void seller_gets_their_own_order() {
            Order created = service.create("seller-1", request(), null).order();
            assertThat(service.getForSeller("seller-1", created.orderId())).isEqualTo(created);
        }

        @Test
        void another_sellers_order_looks_exactly_like_a_missing_one() {
            // GIVEN seller-1's order
            Order created = service.create("seller-1", request(), null).order();
            // WHEN seller-2 asks for it, and for an id that does not exist
            Problem crossSeller = problemOf(() -> service.getForSeller("seller-2", created.orderId()));
            Problem missing = problemOf(() -> service.getForSeller("seller-2", "ord_missing"));
            // THEN both are the same kind of 404
            assertThat(crossSeller.status()).isEqualTo(404);
            assertThat(crossSeller.type()).isEqualTo("/problems/not-found").isEqualTo(missing.type());
            assertThat(crossSeller.detail()).isEqualTo("Order " + created.orderId() + " was not found");
            assertThat(missing.detail()).isEqualTo("Order ord_missing was not found");
        }
    }

    @Nested
    class Hash {
        @Test
        void same_request_hashes_the_same() {
            assertThat(OrderService.hash(request())).isEqualTo(OrderService.hash(request())).hasSize(64)
                    .matches("[0-9a-f]{64}");
        }

        @Test
        void formatting_field_order_and_number_spelling_do_not_change_the_hash() throws Exception {
            // GIVEN the valid body re-ordered, re-spaced and with amounts spelled differently
            String reordered = """
                    {"shippingFee": 4.99, "discount": {"percentOff": "10.0", "description": "Spring sale"},
                     "shippingAddress": {"country": "US", "postalCode": "62701", "region": "IL", "city": "Springfield",
                       "line2": "Apt 2", "line1": "1 Main St", "name": "Ann Lee", "phone": "+14155550124"},
                     "items": [{"unitPrice": "12.5", "quantity": 2, "name": "Mug", "sku": "MUG-01"},
                               {"unitPrice": 19.99, "quantity": 1, "name": "T-shirt", "sku": "TEE-M"}],
                     "currency": "USD",
                     "buyer": {"phone": "+14155550123", "email": "ann@example.com", "name": " Ann Lee ", "id": "buyer-1"}}
                    """;
            assertThat(OrderService.hash(OrderBodies.newOrder(Json.parse(reordered)))).isEqualTo(OrderService.hash(request()));
        }

        @Test
        void any_meaningful_difference_changes_the_hash() {
            String base = OrderService.hash(request());
            assertThat(List.of(
                    OrderService.hash(request(b -> NewOrderTest.item(b, 0).put("quantity", 3))),
                    OrderService.hash(request(b -> NewOrderTest.item(b, 1).put("unitPrice", "19.98"))),
                    OrderService.hash(request(b -> NewOrderTest.obj(b, "buyer").put("id", "buyer-2"))),
                    OrderService.hash(request(b -> b.put("shippingFee", "5.00"))),
                    OrderService.hash(request(b -> b.remove("discount"))),
                    OrderService.hash(request(b -> NewOrderTest.obj(b, "shippingAddress").put("line2", "Apt 3")))))
                    .doesNotContain(base)
                    .doesNotHaveDuplicates();
        }
    }
}

package com.ordertracking.orders;

import static com.ordertracking.orders.ApiEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.adapters.persistence.DynamoCouponRepository;
import com.ordertracking.shared.adapters.persistence.TableKeys;
import com.ordertracking.shared.domain.Coupon;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Coupons: creation, redemption on POST /orders, refusals that say why, and exact counts under concurrency. */
@ExtendWith(LocalCloudExtension.class)
class CouponIT {
    private final LocalCloud cloud;
    private final CreateCouponHandler createCoupon;
    private final CreateOrderHandler createOrder;
    private final DynamoCouponRepository coupons;
    private final String sellerId = "seller-" + UUID.randomUUID();

    CouponIT(LocalCloud cloud) {
        this.cloud = cloud;
        this.createCoupon = cloud.instantiate("CreateCouponFunction", CreateCouponHandler::new);
        this.createOrder = cloud.instantiate("CreateOrderFunction", CreateOrderHandler::new);
        this.coupons = new DynamoCouponRepository(cloud.dynamoDb(), cloud.physicalName("OrdersTable"));
    }

    @ParameterizedTest
    @Event(value = "events/orders/create-coupon.json", type = APIGatewayV2HTTPEvent.class)
    void coupon_is_created_and_redeemed_as_its_own_discount_line(APIGatewayV2HTTPEvent event) {
        // GIVEN the sample coupon (15 % off 3 or more), valid from now on
        APIGatewayV2HTTPResponse created = createCoupon.handleRequest(ApiEvents.from("events/orders/create-coupon.json")
                .seller(sellerId).editBody(b -> b.remove("validFrom")).event(), null);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        assertThat(json(created).get("code").asText()).isEqualTo("BUNDLE3");

        // WHEN an order of 4 units names it (lower case works too)
        APIGatewayV2HTTPResponse order = createOrder.handleRequest(orderWithCoupon("bundle3", "buyer-" + UUID.randomUUID()), null);

        // THEN the discount line names the coupon: (3 × 12.50 + 19.99) = 57.49; 15 % = 8.62 (half-even of 8.6235)
        assertThat(order.getStatusCode()).as(order.getBody()).isEqualTo(201);
        JsonNode body = json(order);
        assertThat(body.at("/discount/code").asText()).isEqualTo("BUNDLE3");
        assertThat(body.at("/discount/percentOff").asText()).isEqualTo("15");
        assertThat(body.at("/totals/subtotal").asText()).isEqualTo("57.49");
        assertThat(body.at("/totals/discount").asText()).isEqualTo("8.62");
        assertThat(coupons.find(sellerId, "BUNDLE3").orElseThrow().redemptions()).isEqualTo(1);
    }

    @ParameterizedTest
    @Event(value = "events/orders/create-coupon-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void invalid_coupon_is_400_naming_every_field(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = createCoupon.handleRequest(ApiEvents.from("events/orders/create-coupon-invalid.json")
                .seller(sellerId).event(), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        json(response).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains("code", "percentOff", "currency", "validUntil", "minQuantity", "stackable");
    }

    @Test
    void duplicate_code_is_409() {
        coupon("DUP10", Map.of());

        APIGatewayV2HTTPResponse again = createCoupon.handleRequest(couponEvent("dup10", Map.of()), null);

        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(json(again).get("type").asText()).isEqualTo("/problems/coupon-code-taken");
    }

    @Test
    void expired_not_yet_valid_inapplicable_and_unknown_codes_are_refused_saying_why_and_write_nothing() {
        // GIVEN an expired coupon (stored directly: the API refuses to create one), a future one and a bundle of 10
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        coupons.create(new Coupon(sellerId, "OLD", null, BigDecimal.TEN, null, null, now.minus(10, ChronoUnit.DAYS),
                now.minus(1, ChronoUnit.DAYS), 1, null, null, 0, now, null));
        coupon("LATER", Map.of("validFrom", now.plus(1, ChronoUnit.DAYS).toString()));
        coupon("TENPACK", Map.of("minQuantity", 10));
        Map<String, Object> euros = new HashMap<>(Map.of("amountOff", "5.00", "currency", "EUR"));
        euros.put("percentOff", null);
        coupon("EUROS", euros);
        String buyer = "buyer-" + UUID.randomUUID();

        // WHEN orders name them
        APIGatewayV2HTTPResponse expired = createOrder.handleRequest(orderWithCoupon("OLD", buyer), null);
        APIGatewayV2HTTPResponse early = createOrder.handleRequest(orderWithCoupon("LATER", buyer), null);
        APIGatewayV2HTTPResponse bundle = createOrder.handleRequest(orderWithCoupon("TENPACK", buyer), null);
        APIGatewayV2HTTPResponse currency = createOrder.handleRequest(orderWithCoupon("EUROS", buyer), null);
        APIGatewayV2HTTPResponse unknown = createOrder.handleRequest(orderWithCoupon("NOPE", buyer), null);

        // THEN each is refused with its reason, and no order was stored
        assertProblem(expired, 409, "/problems/coupon-expired", "expired");
        assertProblem(early, 409, "/problems/coupon-not-yet-valid", "not valid before");
        assertProblem(bundle, 409, "/problems/coupon-not-applicable", "at least 10 items");
        assertProblem(currency, 409, "/problems/coupon-not-applicable", "EUR");
        assertProblem(unknown, 400, "/problems/validation", "couponCode");
        assertThat(ordersOf(sellerId)).isZero();
    }

    @Test
    void per_buyer_limit_refuses_the_second_redemption_by_the_same_buyer() {
        coupon("ONCE", Map.of("maxRedemptionsPerBuyer", 1));
        String buyer = "buyer-" + UUID.randomUUID();

        APIGatewayV2HTTPResponse first = createOrder.handleRequest(orderWithCoupon("ONCE", buyer), null);
        APIGatewayV2HTTPResponse second = createOrder.handleRequest(orderWithCoupon("ONCE", buyer), null);
        APIGatewayV2HTTPResponse otherBuyer = createOrder.handleRequest(orderWithCoupon("ONCE", "buyer-" + UUID.randomUUID()), null);

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertProblem(second, 409, "/problems/coupon-buyer-limit-reached", "per buyer");
        assertThat(otherBuyer.getStatusCode()).isEqualTo(201);
        assertThat(coupons.find(sellerId, "ONCE").orElseThrow().redemptions()).isEqualTo(2);
    }

    @Test
    void retry_with_the_same_idempotency_key_replays_and_does_not_redeem_twice() {
        coupon("RETRY", Map.of("maxRedemptions", 1));
        APIGatewayV2HTTPEvent event = orderWithCoupon("RETRY", "buyer-" + UUID.randomUUID());
        event.getHeaders().put("idempotency-key", "coupon-" + UUID.randomUUID());

        APIGatewayV2HTTPResponse first = createOrder.handleRequest(event, null);
        APIGatewayV2HTTPResponse retry = createOrder.handleRequest(event, null);

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(retry.getStatusCode()).isEqualTo(201);
        assertThat(retry.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(coupons.find(sellerId, "RETRY").orElseThrow().redemptions()).isEqualTo(1);
    }

    @Test
    void fifty_parallel_redemptions_of_a_coupon_limited_to_ten_discount_exactly_ten_orders() throws Exception {
        // GIVEN a coupon limited to 10 redemptions and 50 different buyers ready to use it at once
        coupon("RUSH10", Map.of("maxRedemptions", 10));
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            APIGatewayV2HTTPEvent event = orderWithCoupon("RUSH10", "buyer-" + UUID.randomUUID());
            calls.add(() -> {
                start.await();
                return createOrder.handleRequest(event, null);
            });
        }

        // WHEN they all place their orders together
        List<APIGatewayV2HTTPResponse> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            List<Future<APIGatewayV2HTTPResponse>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<APIGatewayV2HTTPResponse> future : futures) {
                responses.add(future.get());
            }
        }

        // THEN exactly 10 orders exist, all discounted, 40 were refused as exhausted, and the counter says 10
        long created = responses.stream().filter(r -> r.getStatusCode() == 201).count();
        long exhausted = responses.stream().filter(r -> r.getStatusCode() == 409
                && json(r).get("type").asText().equals("/problems/coupon-exhausted")).count();
        assertThat(created).isEqualTo(10);
        assertThat(exhausted).isEqualTo(40);
        assertThat(responses).filteredOn(r -> r.getStatusCode() == 201)
                .allSatisfy(r -> assertThat(json(r).at("/discount/code").asText()).isEqualTo("RUSH10"));
        assertThat(ordersOf(sellerId)).isEqualTo(10);
        assertThat(coupons.find(sellerId, "RUSH10").orElseThrow().redemptions()).isEqualTo(10);
    }

    // ------------------------------------------------------------------ helpers

    private void coupon(String code, Map<String, Object> overrides) {
        APIGatewayV2HTTPResponse response = createCoupon.handleRequest(couponEvent(code, overrides), null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    }

    private APIGatewayV2HTTPEvent couponEvent(String code, Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "percentOff", 10,
                "validUntil", Instant.now().plus(30, ChronoUnit.DAYS).toString()));
        overrides.forEach((key, value) -> {
            if (value == null) {
                body.remove(key);
            } else {
                body.put(key, value);
            }
        });
        return ApiEvents.from("events/orders/create-coupon.json").seller(sellerId).body(body).event();
    }

    /** The sample coupon order (4 units in USD) for {@code buyerId}, without an Idempotency-Key. */
    private APIGatewayV2HTTPEvent orderWithCoupon(String code, String buyerId) {
        return ApiEvents.from("events/orders/create-order-with-coupon.json")
                .seller(sellerId)
                .header("idempotency-key", null)
                .editBody(body -> {
                    body.put("couponCode", code);
                    ((ObjectNode) body.get("buyer")).put("id", buyerId);
                })
                .event();
    }

    private static void assertProblem(APIGatewayV2HTTPResponse response, int status, String type, String detail) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(problem.toString()).contains(detail);
    }

    private int ordersOf(String seller) {
        return cloud.dynamoDb().query(q -> q.tableName(cloud.physicalName("OrdersTable"))
                .indexName(TableKeys.SELLER_INDEX)
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.sellerPk(seller)))))
                .count();
    }
}

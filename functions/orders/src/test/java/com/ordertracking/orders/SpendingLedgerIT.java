package com.ordertracking.orders;

import static com.ordertracking.orders.ApiEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.adapters.persistence.SpendingLedger;
import com.ordertracking.shared.domain.spending.SpendingEntry;
import com.ordertracking.shared.domain.spending.SpendingPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The buyer's spending entries against the embedded DynamoDB: written with the order, unchanged by an
 * idempotent replay, and equal to the winner's state when concurrent changes race (docs/data-model.md#spending).
 */
@ExtendWith(LocalCloudExtension.class)
class SpendingLedgerIT {
    private final CreateOrderHandler create;
    private final CancelOrderHandler cancel;
    private final RefundOrderHandler refund;
    private final SpendingLedger ledger;
    private final software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb;
    private final String table;
    private final StoredOrders orders;
    private final String sellerId = "seller-" + UUID.randomUUID();
    private final String buyerId = "buyer-" + UUID.randomUUID();

    SpendingLedgerIT(LocalCloud cloud) {
        this.create = cloud.instantiate("CreateOrderFunction", CreateOrderHandler::new);
        this.cancel = cloud.instantiate("CancelOrderFunction", CancelOrderHandler::new);
        this.refund = cloud.instantiate("RefundOrderFunction", RefundOrderHandler::new);
        this.dynamoDb = cloud.dynamoDb();
        this.table = cloud.physicalName("OrdersTable");
        this.ledger = new SpendingLedger(dynamoDb, table);
        this.orders = new StoredOrders(cloud);
    }

    @Test
    void a_replayed_create_adds_nothing_and_one_of_ten_concurrent_cancels_sets_the_entry_to_zero() throws Exception {
        // GIVEN an order created twice with the same Idempotency-Key
        String key = UUID.randomUUID().toString();
        APIGatewayV2HTTPResponse first = create.handleRequest(createEvent(key), null);
        APIGatewayV2HTTPResponse replay = create.handleRequest(createEvent(key), null);
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(201);
        String orderId = json(first).get("orderId").asText();
        assertThat(json(replay).get("orderId").asText()).isEqualTo(orderId);
        BigDecimal total = new BigDecimal(json(first).at("/totals/total").asText());
        LocalDate day = LocalDate.ofInstant(java.time.Instant.parse(json(first).get("createdAt").asText()), ZoneOffset.UTC);

        // THEN exactly one entry, the order's total, at version 1
        assertThat(entries(day)).singleElement().satisfies(entry -> {
            assertThat(entry.orderId()).isEqualTo(orderId);
            assertThat(entry.net()).isEqualByComparingTo(total);
            assertThat(entry.orderVersion()).isEqualTo(1);
            assertThat(entry.sellerId()).isEqualTo(sellerId);
        });

        // WHEN ten cancels race
        List<Integer> statuses = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cancel.handleRequest(orderEvent("events/orders/cancel-order.json", orderId), null).getStatusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
        }

        // THEN one won; the entry holds the cancelled state (nothing paid) of the stored version
        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        assertThat(entries(day)).singleElement().satisfies(entry -> {
            assertThat(entry.net()).isEqualByComparingTo("0");
            assertThat(entry.orderVersion()).isEqualTo(2);
        });

        // AND the refund after the cancellation keeps it at zero, one version later
        APIGatewayV2HTTPResponse refunded = refund.handleRequest(orderEvent("events/orders/refund-order.json", orderId), null);
        assertThat(refunded.getStatusCode()).as(refunded.getBody()).isEqualTo(200);
        assertThat(entries(day)).singleElement().satisfies(entry -> {
            assertThat(entry.net()).isEqualByComparingTo("0");
            assertThat(entry.orderVersion()).isEqualTo(3);
        });
    }

    @Test
    void a_refund_added_in_place_counts_once_and_creates_the_entry_of_an_order_stored_before_the_ledger() {
        // GIVEN an order and its entry
        APIGatewayV2HTTPResponse created = create.handleRequest(createEvent(UUID.randomUUID().toString()), null);
        String orderId = json(created).get("orderId").asText();
        com.ordertracking.shared.domain.Order order = orders.find(orderId);
        LocalDate day = SpendingEntry.dayOf(order);
        BigDecimal total = order.totals().total();

        // WHEN two partial refunds are added the way an in-place refund of the order would (in its transaction)
        dynamoDb.transactWriteItems(t -> t.transactItems(ledger.refund(order, new BigDecimal("5.00"))));
        dynamoDb.transactWriteItems(t -> t.transactItems(ledger.refund(order, new BigDecimal("2.50"))));

        // THEN the entry counts both, at the currency's scale
        assertThat(entries(day)).singleElement().satisfies(entry -> {
            assertThat(entry.refunded()).isEqualTo(new BigDecimal("7.50"));
            assertThat(entry.net()).isEqualTo(total.subtract(new BigDecimal("7.50")));
            assertThat(entry.orderVersion()).isEqualTo(3);
        });

        // AND an order without an entry (stored before the ledger) gets one from the order as read
        dynamoDb.deleteItem(d -> d.tableName(table).key(java.util.Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("BUYER#" + buyerId),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("SPEND#" + day + "#" + orderId))));
        dynamoDb.transactWriteItems(t -> t.transactItems(ledger.refund(order, new BigDecimal("1.00"))));
        assertThat(entries(day)).singleElement().satisfies(entry -> {
            assertThat(entry.total()).isEqualTo(total);
            assertThat(entry.net()).isEqualTo(total.subtract(new BigDecimal("1.00")));
            assertThat(entry.sellerId()).isEqualTo(sellerId);
        });
    }

    private List<SpendingEntry> entries(LocalDate day) {
        return ledger.of(buyerId, new SpendingPeriod(day, day));
    }

    private APIGatewayV2HTTPEvent createEvent(String idempotencyKey) {
        return ApiEvents.from("events/orders/create-order.json").seller(sellerId)
                .editBody(body -> ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("buyer")).put("id", buyerId))
                .header("Idempotency-Key", idempotencyKey).event();
    }

    private APIGatewayV2HTTPEvent orderEvent(String fixture, String orderId) {
        return ApiEvents.from(fixture).seller(sellerId).order(orderId).event();
    }
}

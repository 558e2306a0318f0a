package com.ordertracking.delays;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.adapters.persistence.DynamoDueOrders;
import com.ordertracking.shared.adapters.persistence.DynamoOrderRepository;
import com.ordertracking.shared.adapters.persistence.DynamoPackageRepository;
import com.ordertracking.shared.adapters.persistence.OrderItems;
import com.ordertracking.shared.application.tracking.DelayMonitor;
import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Buyer;
import com.ordertracking.shared.domain.LineItem;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.Totals;
import com.ordertracking.shared.domain.tracking.DelayRules;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The monitor reads only what is overdue. Runs in its own JVM and stack (see the module's failsafe
 * configuration), so every item in the table is this test's.
 */
@ExtendWith(LocalCloudExtension.class)
class DelayMonitorReadCostIT {
    private static final int ON_TIME = 2_000;
    private static final int OVERDUE = 5;

    private final LocalCloud cloud;
    private final String table;

    DelayMonitorReadCostIT(LocalCloud cloud) {
        this.cloud = cloud;
        this.table = cloud.physicalName("OrdersTable");
    }

    /** A shipped order as the ship route leaves it, shipped {@code shippedAt} and expected at {@code eta}. */
    private static Order shipped(Instant shippedAt, Instant eta) {
        BigDecimal ten = new BigDecimal("10.00");
        Order placed = Order.placed("ord_" + UUID.randomUUID().toString().replace("-", ""), "seller-cost",
                new Buyer("buyer-cost", "Ana", "ana@example.com", null),
                List.of(new LineItem("SKU", "Mug", 1, ten, ten)),
                new Address("Ana", "1 Main St", null, "Springfield", "IL", "62701", "US", null),
                "USD", null, new Totals(ten, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), ten), shippedAt);
        return placed.withStatus(OrderStatus.PROCESSED, shippedAt)
                .withShipmentAndStatus(Shipment.registered("ups", "1Z" + UUID.randomUUID().toString().substring(0, 12),
                        eta, shippedAt), OrderStatus.SHIPPED, shippedAt);
    }

    private void batchWrite(List<Order> orders) {
        List<WriteRequest> puts = orders.stream().map(order -> WriteRequest.builder()
                .putRequest(PutRequest.builder().item(OrderItems.orderItem(order, DelayRules.DEFAULT)).build())
                .build()).toList();
        for (int i = 0; i < puts.size(); i += 25) {
            Map<String, List<WriteRequest>> pending = Map.of(table, puts.subList(i, Math.min(i + 25, puts.size())));
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> batch = pending;
                BatchWriteItemResponse response = cloud.dynamoDb().batchWriteItem(b -> b.requestItems(batch));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    /** The real client, recording the name of every operation called on it. */
    private static DynamoDbClient recording(DynamoDbClient real, List<String> operations) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    operations.add(method.getName());
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void with_thousands_of_on_time_shipments_the_monitor_reads_only_the_overdue_ones() {
        // GIVEN 2000 shipments due in the coming days and 5 whose estimate passed an hour ago
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Order> onTime = new ArrayList<>();
        for (int i = 0; i < ON_TIME; i++) {
            onTime.add(shipped(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(2 + i % 48))));
        }
        List<Order> overdue = new ArrayList<>();
        for (int i = 0; i < OVERDUE; i++) {
            overdue.add(shipped(now.minus(Duration.ofDays(2)), now.minus(Duration.ofHours(1))));
        }
        batchWrite(onTime);
        batchWrite(overdue);

        // WHEN the monitor runs on a client that records every operation
        List<String> operations = new CopyOnWriteArrayList<>();
        DynamoDbClient recording = recording(cloud.dynamoDb(), operations);
        DelayMonitor monitor = new DelayMonitor(new DynamoDueOrders(recording, table),
                new DynamoOrderRepository(recording, table, Clock.systemUTC(), DelayRules.DEFAULT),
                new DynamoPackageRepository(recording, table, DelayRules.DEFAULT), DelayRules.DEFAULT, Clock.systemUTC());
        DelayMonitor.Summary summary = monitor.run();

        // THEN the index returned the 5 overdue keys, only those 5 orders were read, and all 5 were flagged
        assertThat(summary.dueItemsRead()).isEqualTo(OVERDUE);
        assertThat(summary.ordersRead()).isEqualTo(OVERDUE);
        assertThat(summary.flaggedOrderIds()).containsExactlyInAnyOrderElementsOf(
                overdue.stream().map(Order::orderId).toList());
        // with one Query per shard, one GetItem and one transaction per overdue order, and no Scan
        assertThat(operations).doesNotContain("scan", "scanPaginator");
        assertThat(operations.stream().filter("query"::equals)).hasSize(4);
        assertThat(operations.stream().filter("getItem"::equals)).hasSize(OVERDUE);
        assertThat(operations.stream().filter("transactWriteItems"::equals)).hasSize(OVERDUE);
        // and the read capacity is that of 5 small index keys plus 5 consistent order reads, not 2005 orders
        assertThat(summary.readUnits()).isGreaterThan(0).isLessThanOrEqualTo(4 * 0.5 + OVERDUE * 1.0);
        System.out.printf("delay monitor over %d shipments (%d overdue): %d index items, %d GetItems, %.1f RCU, ops %s%n",
                ON_TIME + OVERDUE, OVERDUE, summary.dueItemsRead(), summary.ordersRead(), summary.readUnits(), operations);

        // WHEN it runs again THEN the flagged orders are no longer in the due range: nothing is read
        DelayMonitor.Summary again = monitor.run();
        assertThat(again.dueItemsRead()).isZero();
        assertThat(again.ordersRead()).isZero();
    }
}

package com.ordertracking.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.adapters.messaging.OrderEventPublisher;
import com.ordertracking.shared.adapters.persistence.DynamoOrderRepository;
import com.ordertracking.shared.adapters.persistence.TableKeys;
import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Buyer;
import com.ordertracking.shared.domain.Compensation;
import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.Feedback;
import com.ordertracking.shared.domain.LineItem;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.Refund;
import com.ordertracking.shared.domain.ReturnRequest;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.Totals;
import com.ordertracking.shared.domain.event.OrderEvent;
import com.ordertracking.shared.domain.event.OrderEventType;
import com.ordertracking.shared.domain.tracking.DelayRules;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The outbox publisher against the embedded stack: real order items written by the repository,
 * their stream records, the real {@code order-events} topic, and a probe queue subscribed to it.
 */
@ExtendWith(LocalCloudExtension.class)
class PublishOrderEventsIT {
    private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");

    private final LocalCloud cloud;
    private final DynamoOrderRepository orders;
    private final String table;
    private final String sellerId = "seller-" + UUID.randomUUID();
    private final String probe;

    PublishOrderEventsIT(LocalCloud cloud) {
        this.cloud = cloud;
        this.table = cloud.physicalName("OrdersTable");
        this.orders = new DynamoOrderRepository(cloud.dynamoDb(), table, Clock.systemUTC(), DelayRules.DEFAULT);
        this.probe = probeQueue(sellerId);
    }

    private PublishOrderEventsHandler handler() {
        return cloud.instantiate("PublishOrderEventsFunction", PublishOrderEventsHandler::new);
    }

    @Test
    void every_kind_of_change_becomes_its_event_once_with_filterable_attributes() {
        // GIVEN an order's whole life written through the repository, as stream records
        List<DynamodbStreamRecord> records = new ArrayList<>();
        Order order = Order.placed("ord_" + UUID.randomUUID(), sellerId, new Buyer("buyer-1", "Ana", null, null),
                List.of(new LineItem("A", "Mug", 2, new BigDecimal("12.50"), new BigDecimal("25.00"))),
                new Address("Ana", "1 St", null, "City", null, "1", "US", null), "USD", null,
                new Totals(new BigDecimal("25.00"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("25.00")), AT);
        orders.create(order, null);
        records.add(StreamImages.record(null, item(order)));
        order = change(records, order, order.withStatus(OrderStatus.PROCESSED, AT));
        order = change(records, order, order.withShipmentAndStatus(
                Shipment.registered("ups", "1Z" + UUID.randomUUID(), AT.plus(Duration.ofDays(3)), AT), OrderStatus.SHIPPED, AT));
        Shipment s = order.shipment();
        order = change(records, order, order.withShipmentAndStatus(new Shipment(s.carrier(), s.trackingNumber(),
                ShipmentStatus.IN_TRANSIT, AT.plus(Duration.ofDays(4)), s.shippedAt(), AT.plusSeconds(60), null, null,
                null, null), OrderStatus.IN_TRANSIT, AT.plusSeconds(60)));
        order = change(records, order, order.withDelay(new Delay(Delay.Reason.ESTIMATE_PUSHED_BACK, AT,
                AT.plus(Duration.ofDays(6))), AT.plusSeconds(120)));
        String couponCode = "SORRY-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        order = change(records, order, order.withCompensation(new Compensation(Compensation.COUPON, couponCode,
                null, new BigDecimal("5.00"), "USD", AT.plus(Duration.ofDays(90)), AT.plusSeconds(150))));
        long compensatedVersion = order.version();
        order = change(records, order, order.withStatus(OrderStatus.DELIVERED, AT.plusSeconds(180)));
        order = change(records, order, order.withFeedback(new Feedback(5, "great", AT.plusSeconds(200))));
        ReturnRequest request = ReturnRequest.requested("ret_1", "too small", null, AT);
        order = change(records, order, order.withReturnRequest(request, OrderStatus.RETURN_REQUESTED, AT));
        order = change(records, order, order.withReturnRequest(request.decided(AT, null), OrderStatus.RETURN_APPROVED, AT));
        order = change(records, order, order.withReturnRequest(request.decided(AT, null).received(AT, "seller"),
                OrderStatus.RETURNED, AT));
        order = change(records, order, order.withRefund(new Refund(new BigDecimal("25.00"), sellerId, AT)));

        // WHEN the publisher gets them in one batch
        StreamsEventResponse response = handler().handleRequest(StreamImages.event(records), null);

        // THEN every change is published once (the feedback is not news), in a PublishBatch-friendly shape
        assertThat(response.getBatchItemFailures()).isEmpty();
        List<Message> messages = receiveAll();
        List<OrderEvent> events = messages.stream().map(m -> Json.read(m.body(), OrderEvent.class)).toList();
        assertThat(events).extracting(OrderEvent::eventType).containsExactlyInAnyOrder(
                OrderEventType.OrderCreated,
                OrderEventType.OrderStatusChanged, // PROCESSED
                OrderEventType.OrderStatusChanged, // SHIPPED
                OrderEventType.OrderStatusChanged, OrderEventType.ShipmentUpdated, // IN_TRANSIT + new ETA
                OrderEventType.DeliveryDelayed,
                OrderEventType.CompensationOffered,
                OrderEventType.OrderStatusChanged, // DELIVERED
                OrderEventType.OrderStatusChanged, OrderEventType.ReturnUpdated, // requested
                OrderEventType.OrderStatusChanged, OrderEventType.ReturnUpdated, // approved
                OrderEventType.OrderStatusChanged, OrderEventType.ReturnUpdated, // received
                OrderEventType.OrderStatusChanged, OrderEventType.RefundIssued);
        assertThat(events).extracting(OrderEvent::eventId).doesNotHaveDuplicates()
                .contains(order.orderId() + ":v1:OrderCreated");
        Message shipped = messages.stream().filter(m -> m.body().contains("\"status\":\"SHIPPED\"")
                && m.body().contains("OrderStatusChanged")).findFirst().orElseThrow();
        assertThat(shipped.messageAttributes().get("eventType").stringValue()).isEqualTo("OrderStatusChanged");
        assertThat(shipped.messageAttributes().get("status").stringValue()).isEqualTo("SHIPPED");
        assertThat(shipped.messageAttributes().get("sellerId").stringValue()).isEqualTo(sellerId);
        assertThat(shipped.messageAttributes().get("buyerId").stringValue()).isEqualTo("buyer-1");
        assertThat(shipped.messageAttributes().get("schemaVersion").stringValue()).isEqualTo("1");
        Message offered = messages.stream().filter(m -> m.body().contains("CompensationOffered")).findFirst().orElseThrow();
        assertThat(offered.messageAttributes().get("eventType").stringValue()).isEqualTo("CompensationOffered");
        assertThat(offered.messageAttributes().get("buyerId").stringValue()).isEqualTo("buyer-1");
        OrderEvent compensation = Json.read(offered.body(), OrderEvent.class);
        assertThat(compensation.eventId()).isEqualTo(order.orderId() + ":v" + compensatedVersion + ":CompensationOffered");
        assertThat(compensation.compensation().couponCode()).isEqualTo(couponCode);
        assertThat(compensation.compensation().amountOff()).isEqualByComparingTo("5.00");
        assertThat(compensation.compensation().currency()).isEqualTo("USD");
        assertThat(compensation.compensation().validUntil()).isEqualTo(AT.plus(Duration.ofDays(90)));
    }

    @Test
    void a_no_op_write_and_other_items_publish_nothing() {
        // GIVEN a version bump that changes nothing anybody is told about, and a timeline entry
        Order order = newOrder();
        Order bumped = new Order(order.orderId(), order.sellerId(), order.buyer(), order.items(),
                order.shippingAddress(), order.currency(), order.discount(), order.totals(), order.status(),
                order.version() + 1, order.createdAt(), AT.plusSeconds(5), null, null, null, null, null, null, List.of());
        Map<String, AttributeValue> before = item(order);
        orders.update(bumped, List.of());
        Map<String, AttributeValue> timeline = Map.of("pk", AttributeValue.fromS(TableKeys.orderPk(order.orderId())),
                "sk", AttributeValue.fromS("EVENT#x"), "entity", AttributeValue.fromS("TimelineEntry"));

        // WHEN the publisher sees them
        StreamsEventResponse response = handler().handleRequest(StreamImages.event(List.of(
                StreamImages.record(before, item(bumped)), StreamImages.record(null, timeline))), null);

        // THEN nothing is published (SNS delivers synchronously, so the probe would already hold it)
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(receiveAll()).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/events/order-stream-shipped.json", type = DynamodbEvent.class)
    void the_sample_stream_event_publishes_one_status_change(DynamodbEvent event) {
        String sample = probeQueue("seller-1");

        StreamsEventResponse response = handler().handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<Message> messages = receiveAll(sample);
        assertThat(messages).extracting(m -> m.messageAttributes().get("eventType").stringValue())
                .contains("OrderStatusChanged");
    }

    @ParameterizedTest
    @Event(value = "events/events/order-stream-no-op.json", type = DynamodbEvent.class)
    void the_sample_no_op_stream_event_publishes_nothing(DynamodbEvent event) {
        String sample = probeQueue("seller-1");

        assertThat(handler().handleRequest(event, null).getBatchItemFailures()).isEmpty();
        assertThat(receiveAll(sample)).isEmpty();
    }

    @Test
    void while_sns_is_down_the_first_unpublished_record_fails_and_a_retry_publishes_everything_once() {
        // GIVEN two new orders in one batch, and a publisher with a short retry budget
        Order first = newOrder();
        Order second = newOrder();
        DynamodbEvent batch = StreamImages.event(List.of(StreamImages.record(null, item(first)),
                StreamImages.record(null, item(second))));
        PublishOrderEventsHandler impatient = new PublishOrderEventsHandler(new OrderEventPublisher(cloud.sns(),
                cloud.physicalName("OrderEventsTopic"), Duration.ofMillis(300), Clock.systemUTC()));

        // WHEN SNS is down
        var sns = cloud.snsEndpoint().orElseThrow();
        sns.stop();
        StreamsEventResponse during;
        try {
            during = impatient.handleRequest(batch, null);
        } finally {
            sns.start();
        }

        // THEN the batch fails from its first record, nothing was published; the retry publishes both once
        assertThat(during.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(batch.getRecords().getFirst().getDynamodb().getSequenceNumber());
        assertThat(receiveAll()).isEmpty();
        assertThat(impatient.handleRequest(batch, null).getBatchItemFailures()).isEmpty();
        assertThat(receiveAll()).extracting(m -> Json.read(m.body(), OrderEvent.class).orderId())
                .containsExactlyInAnyOrder(first.orderId(), second.orderId());
    }

    // ------------------------------------------------------------------ helpers

    private Order newOrder() {
        Order order = Order.placed("ord_" + UUID.randomUUID(), sellerId, new Buyer("buyer-1", "Ana", null, null),
                List.of(new LineItem("A", "Mug", 1, BigDecimal.ONE, BigDecimal.ONE)),
                new Address("Ana", "1 St", null, "City", null, "1", "US", null), "USD", null,
                new Totals(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE), AT);
        orders.create(order, null);
        return order;
    }

    private Order change(List<DynamodbStreamRecord> records, Order before, Order after) {
        Map<String, AttributeValue> old = item(before);
        orders.update(after, List.of());
        records.add(StreamImages.record(old, item(after)));
        return after;
    }

    private Map<String, AttributeValue> item(Order order) {
        return cloud.dynamoDb().getItem(g -> g.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS(TableKeys.orderPk(order.orderId())),
                "sk", AttributeValue.fromS(TableKeys.ORDER_SK)))).item();
    }

    /** A queue subscribed to order-events for one seller's events, raw delivery. */
    private String probeQueue(String seller) {
        String url = cloud.sqs().createQueue(c -> c.queueName("probe-" + UUID.randomUUID())).queueUrl();
        String arn = cloud.sqs().getQueueAttributes(g -> g.queueUrl(url).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
        cloud.sns().subscribe(s -> s.topicArn(cloud.physicalName("OrderEventsTopic")).protocol("sqs").endpoint(arn)
                .attributes(Map.of("RawMessageDelivery", "true", "FilterPolicy",
                        Json.write(Map.of("sellerId", List.of(seller))))));
        return url;
    }

    private List<Message> receiveAll() {
        return receiveAll(probe);
    }

    private List<Message> receiveAll(String queue) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = cloud.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                return all;
            }
            batch.forEach(m -> cloud.sqs().deleteMessage(d -> d.queueUrl(queue).receiptHandle(m.receiptHandle())));
            all.addAll(batch);
        }
    }
}

package com.ordertracking.shared.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
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
import com.ordertracking.shared.domain.event.OrderEvent.ReturnState;
import com.ordertracking.shared.domain.event.OrderEvent;
import com.ordertracking.shared.domain.event.OrderEventType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderEventsTest {
    static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");
    static final Order PENDING = Order.placed("ord_1", "seller-1", new Buyer("buyer-1", "Ana", null, null),
            List.of(new LineItem("A", "Mug", 2, new BigDecimal("12.50"), new BigDecimal("25.00"))),
            new Address("Ana", "1 St", null, "City", null, "1", "US", null), "USD", null,
            new Totals(new BigDecimal("25.00"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("25.00")), AT);

    static Order shipped() {
        return PENDING.withStatus(OrderStatus.PROCESSED, AT).withShipmentAndStatus(
                Shipment.registered("ups", "1Z1", AT.plus(Duration.ofDays(3)), AT), OrderStatus.SHIPPED, AT);
    }

    private static List<OrderEventType> types(List<OrderEvent> events) {
        return events.stream().map(OrderEvent::eventType).toList();
    }

    @Test
    void a_new_order_is_one_order_created_event_with_a_deterministic_id() {
        List<OrderEvent> events = OrderEvents.between(null, PENDING);

        assertThat(types(events)).containsExactly(OrderEventType.OrderCreated);
        OrderEvent created = events.getFirst();
        assertThat(created.eventId()).isEqualTo("ord_1:v1:OrderCreated");
        assertThat(created.schemaVersion()).isEqualTo(1);
        assertThat(created.order().itemCount()).isEqualTo(2);
        assertThat(created.order().total()).isEqualByComparingTo("25.00");
        assertThat(OrderEvents.between(null, PENDING)).isEqualTo(events);
    }

    @Test
    void events_carry_the_destination_time_zone_and_nothing_else_of_the_address() {
        Order auckland = PENDING.withEdits(new Address("Ana", "1 Queen St", null, "Auckland", null, "1010", "NZ", null),
                null, AT);
        Order nowhere = PENDING.withEdits(new Address("Ana", "1 St", null, "City", null, null, "XX", null), null, AT);

        OrderEvent created = OrderEvents.between(null, auckland).getFirst();

        assertThat(created.destinationTimeZone()).isEqualTo("Pacific/Auckland");
        assertThat(com.ordertracking.shared.adapters.json.Json.write(created)).doesNotContain("Queen St", "1010", "Ana\"");
        assertThat(OrderEvents.between(null, nowhere).getFirst().destinationTimeZone()).isNull();
    }

    @Test
    void shipping_is_a_status_change_carrying_the_shipment_but_not_a_shipment_update() {
        Order processed = PENDING.withStatus(OrderStatus.PROCESSED, AT);

        List<OrderEvent> events = OrderEvents.between(processed, shipped());

        assertThat(types(events)).containsExactly(OrderEventType.OrderStatusChanged);
        assertThat(events.getFirst().previousStatus()).isEqualTo(OrderStatus.PROCESSED);
        assertThat(events.getFirst().status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(events.getFirst().shipment().trackingNumber()).isEqualTo("1Z1");
    }

    @Test
    void a_new_eta_is_a_shipment_update_with_the_previous_shipment() {
        Order before = shipped();
        Shipment s = before.shipment();
        Order after = before.withShipment(new Shipment(s.carrier(), s.trackingNumber(), ShipmentStatus.IN_TRANSIT,
                AT.plus(Duration.ofDays(5)), s.shippedAt(), AT.plusSeconds(60), null, null, null, null), AT.plusSeconds(60));

        List<OrderEvent> events = OrderEvents.between(before, after);

        assertThat(types(events)).containsExactly(OrderEventType.ShipmentUpdated);
        assertThat(events.getFirst().previousShipment().estimatedDelivery()).isEqualTo(AT.plus(Duration.ofDays(3)));
        assertThat(events.getFirst().shipment().estimatedDelivery()).isEqualTo(AT.plus(Duration.ofDays(5)));
    }

    @Test
    void version_bumps_that_change_nothing_a_buyer_cares_about_publish_nothing() {
        Order delivered = shipped().withStatus(OrderStatus.DELIVERED, AT);
        Order feedback = delivered.withFeedback(new Feedback(5, "great", AT));
        Order bare = new Order(PENDING.orderId(), PENDING.sellerId(), PENDING.buyer(), PENDING.items(),
                PENDING.shippingAddress(), PENDING.currency(), null, PENDING.totals(), PENDING.status(), 2,
                PENDING.createdAt(), AT.plusSeconds(1), null, null, null, null, null, null, List.of());

        assertThat(OrderEvents.between(delivered, feedback)).isEmpty();
        assertThat(OrderEvents.between(PENDING, bare)).isEmpty();
        assertThat(OrderEvents.between(PENDING, PENDING.withEdits(
                new Address("Ana", "2 St", null, "City", null, "1", "US", null), null, AT))).isEmpty();
        assertThat(OrderEvents.between(bare, PENDING)).as("an older image replayed").isEmpty();
    }

    @Test
    void a_delay_set_or_revised_is_delivery_delayed_but_re_flagging_or_clearing_is_not() {
        Order s = shipped();
        Delay late = new Delay(Delay.Reason.PAST_ESTIMATED_DELIVERY, AT, AT.plus(Duration.ofDays(5)));
        Order flagged = s.withDelay(late, AT);
        Order revised = flagged.withDelay(new Delay(Delay.Reason.ESTIMATE_PUSHED_BACK, AT, AT.plus(Duration.ofDays(7))), AT);
        Order reflagged = revised.withDelay(new Delay(Delay.Reason.ESTIMATE_PUSHED_BACK, AT.plusSeconds(900),
                AT.plus(Duration.ofDays(7))), AT);

        assertThat(types(OrderEvents.between(s, flagged))).containsExactly(OrderEventType.DeliveryDelayed);
        assertThat(OrderEvents.between(s, flagged).getFirst().delay().expectedBy()).isEqualTo(AT.plus(Duration.ofDays(5)));
        assertThat(types(OrderEvents.between(flagged, revised))).containsExactly(OrderEventType.DeliveryDelayed);
        assertThat(OrderEvents.between(revised, reflagged)).isEmpty();
        assertThat(OrderEvents.between(revised, revised.withDelay(null, AT))).isEmpty();
    }

    @Test
    void a_new_compensation_is_compensation_offered_with_the_coupon_and_a_deterministic_id() {
        Order delayed = shipped().withDelay(new Delay(Delay.Reason.PAST_ESTIMATED_DELIVERY, AT, null), AT);
        Compensation coupon = new Compensation(Compensation.COUPON, "SORRY-ABCDEFGH", new BigDecimal("15"), null,
                null, AT.plus(Duration.ofDays(90)), AT.plusSeconds(60));
        Order compensated = delayed.withCompensation(coupon);
        Compensation second = new Compensation(Compensation.COUPON, "SORRY-23456789", null, new BigDecimal("5.00"),
                "USD", AT.plus(Duration.ofDays(91)), AT.plusSeconds(120));
        Order twice = compensated.withCompensation(second);

        List<OrderEvent> events = OrderEvents.between(delayed, compensated);

        assertThat(types(events)).containsExactly(OrderEventType.CompensationOffered);
        OrderEvent offered = events.getFirst();
        assertThat(offered.eventId()).isEqualTo("ord_1:v" + compensated.version() + ":CompensationOffered");
        assertThat(offered.sellerId()).isEqualTo("seller-1");
        assertThat(offered.buyerId()).isEqualTo("buyer-1");
        assertThat(offered.compensation()).isEqualTo(new OrderEvent.CompensationInfo("coupon", "SORRY-ABCDEFGH",
                new BigDecimal("15"), null, null, AT.plus(Duration.ofDays(90)), AT.plusSeconds(60)));
        assertThat(offered.occurredAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(OrderEvents.between(delayed, compensated)).isEqualTo(events);
        // a second coupon is news again; an unrelated bump that keeps the list is not; a replay is not
        assertThat(OrderEvents.between(compensated, twice)).singleElement()
                .satisfies(e -> assertThat(e.compensation().couponCode()).isEqualTo("SORRY-23456789"));
        assertThat(OrderEvents.between(twice, twice.withFeedback(new Feedback(4, "ok", AT)))).isEmpty();
        assertThat(OrderEvents.between(compensated, compensated)).isEmpty();
    }

    @Test
    void returns_and_refunds_are_their_own_events_next_to_the_status_change() {
        Order delivered = shipped().withStatus(OrderStatus.DELIVERED, AT);
        ReturnRequest request = ReturnRequest.requested("ret_1", "too small", null, AT);
        Order requested = delivered.withReturnRequest(request, OrderStatus.RETURN_REQUESTED, AT);
        Order approved = requested.withReturnRequest(request.decided(AT, null), OrderStatus.RETURN_APPROVED, AT);
        Order received = approved.withReturnRequest(request.decided(AT, null).received(AT, "seller"), OrderStatus.RETURNED, AT);
        Order refunded = received.withRefund(new Refund(new BigDecimal("25.00"), "seller-1", AT));

        List<OrderEvent> events = OrderEvents.between(delivered, requested);
        assertThat(types(events)).containsExactly(OrderEventType.OrderStatusChanged, OrderEventType.ReturnUpdated);
        assertThat(events.get(1).returnRequest().state()).isEqualTo(ReturnState.REQUESTED);
        assertThat(OrderEvents.between(requested, approved).get(1).returnRequest().state()).isEqualTo(ReturnState.APPROVED);
        assertThat(OrderEvents.between(approved, received).get(1).returnRequest().state()).isEqualTo(ReturnState.RECEIVED);
        List<OrderEvent> refund = OrderEvents.between(received, refunded);
        assertThat(types(refund)).containsExactly(OrderEventType.OrderStatusChanged, OrderEventType.RefundIssued);
        assertThat(refund.get(1).refund().amount()).isEqualByComparingTo("25.00");
        assertThat(refund.get(1).eventId()).isEqualTo("ord_1:v" + refunded.version() + ":RefundIssued");
    }

    @Test
    void stream_records_of_other_items_and_removals_publish_nothing() {
        DynamodbStreamRecord timeline = record("INSERT", null, Map.of(
                "pk", new AttributeValue().withS("ORDER#ord_1"), "sk", new AttributeValue().withS("EVENT#x"),
                "entity", new AttributeValue().withS("TimelineEntry")));
        DynamodbStreamRecord removal = record("REMOVE", Map.of("pk", new AttributeValue().withS("ORDER#ord_1"),
                "entity", new AttributeValue().withS("Order")), null);

        assertThat(OrderEvents.of(timeline)).isEmpty();
        assertThat(OrderEvents.of(removal)).isEmpty();
    }

    static DynamodbStreamRecord record(String name, Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage) {
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName(name);
        StreamRecord change = new StreamRecord();
        change.setOldImage(oldImage);
        change.setNewImage(newImage);
        change.setSequenceNumber("1");
        record.setDynamodb(change);
        return record;
    }
}

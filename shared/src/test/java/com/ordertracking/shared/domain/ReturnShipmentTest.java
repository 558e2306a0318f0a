package com.ordertracking.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ordertracking.shared.domain.tracking.TrackingEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The return shipment rules: who may attach, repeats, tracking by the join rules, and the receipt on delivery. */
class ReturnShipmentTest {
    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");
    private static final String RETURN_ID = "ret_1";

    /** Delivered, return requested and approved: built through the state machine, as the API does. */
    private static Order approved() {
        Order order = Order.placed("ord_1", "seller-1", new Buyer("buyer-1", "Ana", null, null),
                List.of(new LineItem("SKU", "Mug", 1, BigDecimal.TEN, BigDecimal.TEN)),
                new Address("Ana", "1 Main St", null, "Springfield", "IL", "62701", "US", null), "USD", null,
                new Totals(BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.TEN), AT);
        order = order.withStatus(OrderStatus.PROCESSED, AT)
                .withShipmentAndStatus(Shipment.registered("ups", "1ZOUT", null, AT), OrderStatus.SHIPPED, AT)
                .withStatus(OrderStatus.DELIVERED, AT);
        ReturnRequest request = ReturnRequest.requested(RETURN_ID, "too small", null, AT);
        return order.withReturnRequest(request, OrderStatus.RETURN_REQUESTED, AT)
                .withReturnRequest(request.decided(AT, null), OrderStatus.RETURN_APPROVED, AT);
    }

    private static ReturnShipment attached() {
        return ((ReturnShipment.Attach.New) ReturnShipment.attach(approved(), RETURN_ID, Optional.empty(), "ups",
                "1ZBACK", "buyer", AT)).shipment();
    }

    private static TrackingEvent scan(String id, ShipmentStatus status, String at) {
        return new TrackingEvent("ups", id, "ups", "1ZBACK", status, status.name(), null, Instant.parse(at),
                "Hub", null, null);
    }

    private static ReturnShipment track(ReturnShipment shipment, TrackingEvent... events) {
        for (TrackingEvent event : events) {
            shipment = shipment.track(event).shipment();
        }
        return shipment;
    }

    @Test
    void an_approved_return_takes_a_new_shipment_before_any_scan() {
        ReturnShipment shipment = attached();

        assertThat(shipment.orderId()).isEqualTo("ord_1");
        assertThat(shipment.returnId()).isEqualTo(RETURN_ID);
        assertThat(shipment.attachedBy()).isEqualTo("buyer");
        assertThat(shipment.version()).isEqualTo(1);
        assertThat(shipment.parcel().status()).isNull();
        assertThat(shipment.parcel().shippedAt()).isEqualTo(AT);
        assertThat(shipment.isDelivered()).isFalse();
    }

    @Test
    void only_an_approved_return_of_this_order_takes_a_shipment() {
        Order approved = approved();
        assertThat(ReturnShipment.attach(approved, "ret_other", Optional.empty(), "ups", "1ZBACK", "seller", AT))
                .isEqualTo(new ReturnShipment.Attach.Refused(ReturnShipment.Refusal.UNKNOWN_RETURN));

        Order requested = Order.placed("ord_2", "seller-1", approved.buyer(), approved.items(), approved.shippingAddress(),
                "USD", null, approved.totals(), AT).withStatus(OrderStatus.PROCESSED, AT)
                .withShipmentAndStatus(Shipment.registered("ups", "1ZOUT2", null, AT), OrderStatus.SHIPPED, AT)
                .withStatus(OrderStatus.DELIVERED, AT)
                .withReturnRequest(ReturnRequest.requested(RETURN_ID, "why", null, AT), OrderStatus.RETURN_REQUESTED, AT);
        assertThat(ReturnShipment.attach(requested, RETURN_ID, Optional.empty(), "ups", "1ZBACK", "buyer", AT))
                .isEqualTo(new ReturnShipment.Attach.Refused(ReturnShipment.Refusal.NOT_APPROVED));

        Order rejected = requested.withReturnRequest(requested.returnRequest().decided(AT, "used"),
                OrderStatus.RETURN_REJECTED, AT);
        assertThat(ReturnShipment.attach(rejected, RETURN_ID, Optional.empty(), "ups", "1ZBACK", "buyer", AT))
                .isEqualTo(new ReturnShipment.Attach.Refused(ReturnShipment.Refusal.NOT_APPROVED));

        Order noReturn = Order.placed("ord_3", "seller-1", approved.buyer(), approved.items(),
                approved.shippingAddress(), "USD", null, approved.totals(), AT);
        assertThat(ReturnShipment.attach(noReturn, RETURN_ID, Optional.empty(), "ups", "1ZBACK", "buyer", AT))
                .isEqualTo(new ReturnShipment.Attach.Refused(ReturnShipment.Refusal.UNKNOWN_RETURN));
    }

    @Test
    void the_same_number_again_is_a_repeat_whatever_happened_since_and_another_number_is_refused() {
        ReturnShipment delivered = track(attached(), scan("a", ShipmentStatus.DELIVERED, "2026-11-22T10:00:00Z"));
        Order returned = delivered.receiptOnDelivery(approved(), NOW).orElseThrow().order();

        assertThat(ReturnShipment.attach(returned, RETURN_ID, Optional.of(delivered), "ups", "1ZBACK", "seller", NOW))
                .isEqualTo(new ReturnShipment.Attach.Repeat(delivered));
        assertThat(ReturnShipment.attach(approved(), RETURN_ID, Optional.of(attached()), "ups", "1ZOTHER", "seller", NOW))
                .isEqualTo(new ReturnShipment.Attach.Refused(ReturnShipment.Refusal.OTHER_SHIPMENT));
        assertThat(ReturnShipment.attach(approved(), RETURN_ID, Optional.of(attached()), "fedex", "1ZBACK", "seller", NOW))
                .isEqualTo(new ReturnShipment.Attach.Refused(ReturnShipment.Refusal.OTHER_SHIPMENT));
    }

    @Test
    void a_scan_moves_the_shipment_one_version_and_records_a_return_checkpoint() {
        ReturnShipment.Tracked tracked = attached().track(scan("a", ShipmentStatus.IN_TRANSIT, "2026-11-21T10:00:00Z"));

        assertThat(tracked.shipment().parcel().status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(tracked.shipment().version()).isEqualTo(2);
        assertThat(tracked.checkpoint().kind()).isEqualTo(TimelineEntry.Kind.CHECKPOINT);
        assertThat(tracked.checkpoint().entryId()).isEqualTo("return-ret_1:ups:a");
        assertThat(tracked.checkpoint().description()).isEqualTo("Return shipment: IN_TRANSIT");
        assertThat(tracked.checkpoint().at()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        // In transit is no order change.
        assertThat(tracked.shipment().receiptOnDelivery(approved(), NOW)).isEmpty();
    }

    @Test
    void delivery_receives_the_return_like_the_seller_would_recorded_as_the_carrier() {
        ReturnShipment delivered = track(attached(), scan("a", ShipmentStatus.IN_TRANSIT, "2026-11-21T10:00:00Z"),
                scan("b", ShipmentStatus.DELIVERED, "2026-11-22T10:00:00Z"));
        Order approved = approved();

        ReturnReceipt.Received receipt = delivered.receiptOnDelivery(approved, NOW).orElseThrow();

        assertThat(receipt.order().status()).isEqualTo(OrderStatus.RETURNED);
        assertThat(receipt.order().version()).isEqualTo(approved.version() + 1);
        assertThat(receipt.order().returnRequest().receivedAt()).isEqualTo(NOW);
        assertThat(receipt.order().returnRequest().receivedBy()).isEqualTo("ups");
        assertThat(receipt.entry().kind()).isEqualTo(TimelineEntry.Kind.STATUS_CHANGED);
        assertThat(receipt.entry().status()).isEqualTo(OrderStatus.RETURNED);
        assertThat(receipt.entry().source()).isEqualTo("ups");
        assertThat(receipt.entry().entryId()).isEqualTo("receive-v" + receipt.order().version());
        // The seller's own receive takes the same transition.
        ReturnReceipt.Received bySeller = ReturnReceipt.receive(approved, NOW, "seller", "Returned parcel received");
        assertThat(bySeller.order().status()).isEqualTo(receipt.order().status());
        assertThat(bySeller.entry().entryId()).isEqualTo(receipt.entry().entryId());
    }

    @Test
    void nothing_more_happens_to_an_order_the_seller_already_received_or_a_return_not_delivered() {
        ReturnShipment delivered = track(attached(), scan("b", ShipmentStatus.DELIVERED, "2026-11-22T10:00:00Z"));
        Order received = ReturnReceipt.receive(approved(), NOW, "seller", "Returned parcel received").order();

        assertThat(delivered.receiptOnDelivery(received, NOW)).isEmpty();
        assertThat(track(attached(), scan("x", ShipmentStatus.RETURNED_TO_SENDER, "2026-11-22T10:00:00Z"))
                .receiptOnDelivery(approved(), NOW)).isEmpty();
        assertThatThrownBy(() -> ReturnReceipt.receive(received, NOW, "ups", "again"))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void shuffled_and_duplicated_scans_end_like_the_ordered_ones_and_never_move_back() {
        List<TrackingEvent> ordered = List.of(
                scan("a", ShipmentStatus.INFO_RECEIVED, "2026-11-21T08:00:00Z"),
                scan("b", ShipmentStatus.IN_TRANSIT, "2026-11-21T12:00:00Z"),
                scan("c", ShipmentStatus.OUT_FOR_DELIVERY, "2026-11-22T07:00:00Z"),
                scan("d", ShipmentStatus.DELIVERED, "2026-11-22T10:00:00Z"));
        ReturnShipment expected = track(attached(), ordered.toArray(TrackingEvent[]::new));
        assertThat(expected.parcel().status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(expected.parcel().deliveredAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));

        Random random = new Random(11);
        for (int round = 0; round < 50; round++) {
            List<TrackingEvent> stream = new ArrayList<>(ordered);
            stream.add(ordered.get(random.nextInt(ordered.size())));
            Collections.shuffle(stream, random);
            ReturnShipment shuffled = track(attached(), stream.toArray(TrackingEvent[]::new));
            // Only the version counts the (duplicated) applications; the parcel is the same.
            assertThat(shuffled.parcel()).isEqualTo(expected.parcel());
        }
    }
}

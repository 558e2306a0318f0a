package com.ordertracking.shared.domain.tracking;

import static com.ordertracking.shared.domain.ShipmentStatus.ATTEMPT_FAILED;
import static com.ordertracking.shared.domain.ShipmentStatus.DELIVERED;
import static com.ordertracking.shared.domain.ShipmentStatus.EXCEPTION;
import static com.ordertracking.shared.domain.ShipmentStatus.INFO_RECEIVED;
import static com.ordertracking.shared.domain.ShipmentStatus.IN_TRANSIT;
import static com.ordertracking.shared.domain.ShipmentStatus.OUT_FOR_DELIVERY;
import static com.ordertracking.shared.domain.ShipmentStatus.RETURNED_TO_SENDER;
import static com.ordertracking.shared.domain.tracking.Shipments.NOW;
import static com.ordertracking.shared.domain.tracking.Shipments.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.TimelineEntry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShipmentProgressTest {

    private static Order apply(Order order, TrackingEvent... events) {
        for (TrackingEvent event : events) {
            order = ShipmentProgress.apply(order, event, NOW).order();
        }
        return order;
    }

    @Test
    void in_transit_then_delivered_moves_the_order_to_delivered() {
        Order order = apply(Shipments.shippedOrder(),
                event("a", IN_TRANSIT, "2026-11-21T10:00:00Z"),
                event("b", DELIVERED, "2026-11-22T15:30:00Z"));

        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.shipment().status()).isEqualTo(DELIVERED);
        assertThat(order.shipment().deliveredAt()).isEqualTo(Instant.parse("2026-11-22T15:30:00Z"));
        assertThat(order.version()).isEqualTo(Shipments.shippedOrder().version() + 2);
    }

    @Test
    void a_late_older_in_transit_scan_does_not_move_a_delivered_order_back() {
        Order delivered = apply(Shipments.shippedOrder(), event("b", DELIVERED, "2026-11-22T15:30:00Z"));

        ShipmentProgress.Applied late = ShipmentProgress.apply(delivered, event("a", IN_TRANSIT, "2026-11-21T10:00:00Z"), NOW);

        assertThat(late.order().status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(late.order().shipment().status()).isEqualTo(DELIVERED);
        // ...but the scan is still recorded as a checkpoint
        assertThat(late.checkpoint().kind()).isEqualTo(TimelineEntry.Kind.CHECKPOINT);
        assertThat(late.checkpoint().shipmentStatus()).isEqualTo(IN_TRANSIT);
        assertThat(late.checkpoint().entryId()).isEqualTo("ups:a");
    }

    @Test
    void a_newer_but_lower_ranked_scan_does_not_move_the_shipment_back() {
        Order order = apply(Shipments.shippedOrder(),
                event("a", OUT_FOR_DELIVERY, "2026-11-22T08:00:00Z"),
                event("b", IN_TRANSIT, "2026-11-22T09:00:00Z"));

        assertThat(order.status()).isEqualTo(OrderStatus.OUT_FOR_DELIVERY);
        assertThat(order.shipment().status()).isEqualTo(OUT_FOR_DELIVERY);
        assertThat(order.shipment().lastEventAt()).isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
    }

    @Test
    void exceptions_and_failed_attempts_show_on_the_shipment_but_never_regress_the_order() {
        Order attempt = apply(Shipments.shippedOrder(),
                event("a", OUT_FOR_DELIVERY, "2026-11-22T08:00:00Z"),
                event("b", ATTEMPT_FAILED, "2026-11-22T17:00:00Z"));
        assertThat(attempt.shipment().status()).isEqualTo(ATTEMPT_FAILED);
        assertThat(attempt.status()).isEqualTo(OrderStatus.OUT_FOR_DELIVERY);

        Order retried = apply(attempt, event("c", OUT_FOR_DELIVERY, "2026-11-23T08:00:00Z"));
        assertThat(retried.shipment().status()).isEqualTo(OUT_FOR_DELIVERY);

        Order exception = apply(Shipments.shippedOrder(), event("d", EXCEPTION, "2026-11-21T08:00:00Z"));
        assertThat(exception.shipment().status()).isEqualTo(EXCEPTION);
        assertThat(exception.status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void terminal_states_stay_terminal_and_delivered_outranks_returned_to_sender() {
        Order delivered = apply(Shipments.shippedOrder(),
                event("a", DELIVERED, "2026-11-22T08:00:00Z"),
                event("b", EXCEPTION, "2026-11-23T08:00:00Z"),
                event("c", RETURNED_TO_SENDER, "2026-11-24T08:00:00Z"));
        assertThat(delivered.shipment().status()).isEqualTo(DELIVERED);
        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);

        Order returned = apply(Shipments.shippedOrder(),
                event("a", IN_TRANSIT, "2026-11-21T08:00:00Z"),
                event("b", RETURNED_TO_SENDER, "2026-11-24T08:00:00Z"),
                event("c", EXCEPTION, "2026-11-25T08:00:00Z"));
        assertThat(returned.shipment().status()).isEqualTo(RETURNED_TO_SENDER);
        assertThat(returned.status()).isEqualTo(OrderStatus.IN_TRANSIT);
    }

    @Test
    void carriers_may_skip_scans_shipped_straight_to_delivered() {
        Order order = apply(Shipments.shippedOrder(), event("a", DELIVERED, "2026-11-22T08:00:00Z"));

        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void info_received_changes_the_shipment_but_not_the_order() {
        Order order = apply(Shipments.shippedOrder(), event("a", INFO_RECEIVED, "2026-11-20T10:00:00Z"));

        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.shipment().status()).isEqualTo(INFO_RECEIVED);
    }

    @Test
    void the_newest_estimate_wins_whatever_order_it_arrives_in() {
        Instant early = Instant.parse("2026-11-24T18:00:00Z");
        Instant late = Instant.parse("2026-11-26T18:00:00Z");
        TrackingEvent older = event("a", IN_TRANSIT, Instant.parse("2026-11-21T08:00:00Z"), early);
        TrackingEvent newer = event("b", IN_TRANSIT, Instant.parse("2026-11-22T08:00:00Z"), late);

        assertThat(apply(Shipments.shippedOrder(), older, newer).shipment().estimatedDelivery()).isEqualTo(late);
        assertThat(apply(Shipments.shippedOrder(), newer, older).shipment().estimatedDelivery()).isEqualTo(late);
        // an event without an estimate keeps the current one (here the seller's)
        assertThat(apply(Shipments.shippedOrder(), event("c", IN_TRANSIT, "2026-11-21T08:00:00Z"))
                .shipment().estimatedDelivery()).isEqualTo(Shipments.shippedOrder().shipment().estimatedDelivery());
    }

    @Test
    void orders_past_delivery_keep_their_status() {
        Order returnRequested = apply(Shipments.shippedOrder(), event("a", DELIVERED, "2026-11-22T08:00:00Z"))
                .withStatus(OrderStatus.RETURN_REQUESTED, NOW);

        Order after = apply(returnRequested, event("b", OUT_FOR_DELIVERY, "2026-11-21T08:00:00Z"));

        assertThat(after.status()).isEqualTo(OrderStatus.RETURN_REQUESTED);
    }

    @Test
    void an_order_without_shipment_cannot_be_tracked() {
        Order unshipped = Shipments.shippedOrder().withShipment(null, NOW);

        assertThatThrownBy(() -> ShipmentProgress.apply(unshipped, event("a", IN_TRANSIT, "2026-11-21T08:00:00Z"), NOW))
                .isInstanceOf(IllegalStateException.class);
    }
}

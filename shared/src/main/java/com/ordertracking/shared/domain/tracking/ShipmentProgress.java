package com.ordertracking.shared.domain.tracking;

import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.Shipment.TrackingMark;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.TimelineEntry;
import java.time.Instant;
import java.util.Comparator;

/**
 * The tracking rules: how one carrier event changes an order. Pure, so the rules are unit- and
 * property-tested; the processor only loads, applies and stores.
 *
 * <p>Carriers and aggregators deliver late, twice and out of order, so every rule is a "join": the
 * result depends on the set of events seen, never on their arrival order.
 * <ul>
 *   <li><b>progress</b> is the highest-ranked progress checkpoint (rank, then carrier time, then id):
 *       {@code INFO_RECEIVED < IN_TRANSIT < OUT_FOR_DELIVERY < RETURNED_TO_SENDER < DELIVERED}. A lower-ranked
 *       or older checkpoint is kept in the timeline but never moves the shipment back. DELIVERED outranks
 *       RETURNED_TO_SENDER so that two contradicting terminal scans resolve the same way whatever comes first.</li>
 *   <li><b>latest</b> is the newest checkpoint (carrier time, then id).</li>
 *   <li>The shipment shows the latest checkpoint when it is an exception, a failed attempt or pickup
 *       availability and the shipment has not ended; otherwise it shows the progress status.
 *       Terminal states (DELIVERED, RETURNED_TO_SENDER) stay terminal.</li>
 *   <li>The estimated delivery comes from the newest checkpoint that carried one.</li>
 *   <li>The order follows the shipment, forward only and through {@code OrderStateMachine}:
 *       IN_TRANSIT, OUT_FOR_DELIVERY and DELIVERED checkpoints move a shipping order up to that status;
 *       every other shipment status leaves the order where it is.</li>
 *   <li>Every event adds exactly one CHECKPOINT entry to the timeline, keyed by source and event id.</li>
 * </ul>
 */
public final class ShipmentProgress {
    private static final Comparator<TrackingMark> BY_TIME =
            Comparator.comparing(TrackingMark::at).thenComparing(TrackingMark::eventId);
    private static final Comparator<TrackingMark> BY_RANK =
            Comparator.<TrackingMark>comparingInt(mark -> rank(mark.status())).thenComparing(BY_TIME);

    private ShipmentProgress() {
    }

    /** The order after the event, and the timeline entry recording it. */
    public record Applied(Order order, TimelineEntry checkpoint) {
    }

    /**
     * Applies {@code event} to a shipped {@code order}; the result is one version later.
     *
     * @param now when the change is made (the order's {@code updatedAt})
     */
    public static Applied apply(Order order, TrackingEvent event, Instant now) {
        Shipment shipment = order.shipment();
        if (shipment == null) {
            throw new IllegalStateException("Order " + order.orderId() + " has no shipment to track");
        }
        Shipment next = advance(shipment, event);
        OrderStatus status = orderStatusAfter(order.status(), event.status());
        return new Applied(order.withShipmentAndStatus(next, status, now), checkpoint(event));
    }

    /** The shipment after {@code event}: the join of its marks with the event's (see the class comment). */
    public static Shipment advance(Shipment shipment, TrackingEvent event) {
        TrackingMark mark = new TrackingMark(event.status(), event.occurredAt(), event.key());
        TrackingMark progress = isProgress(event.status()) ? max(shipment.progress(), mark, BY_RANK) : shipment.progress();
        TrackingMark latest = max(shipment.latest(), mark, BY_TIME);
        TrackingMark etaSource = shipment.etaSource();
        Instant estimatedDelivery = shipment.estimatedDelivery();
        if (event.estimatedDelivery() != null && (etaSource == null || BY_TIME.compare(mark, etaSource) > 0)) {
            etaSource = mark;
            estimatedDelivery = event.estimatedDelivery();
        }
        Instant deliveredAt = progress != null && progress.status() == ShipmentStatus.DELIVERED ? progress.at() : null;
        return new Shipment(shipment.carrier(), shipment.trackingNumber(), shown(progress, latest),
                estimatedDelivery, shipment.shippedAt(), latest.at(), deliveredAt, progress, latest, etaSource);
    }

    /** The CHECKPOINT timeline entry of an event (its key is the event's: one entry per event, ever). */
    public static TimelineEntry checkpoint(TrackingEvent event) {
        return new TimelineEntry(event.key(), event.occurredAt(), TimelineEntry.Kind.CHECKPOINT,
                null, event.status(), event.location(), event.description(), event.source());
    }

    /** The status the shipment shows, from its progress and its newest checkpoint. */
    static ShipmentStatus shown(TrackingMark progress, TrackingMark latest) {
        if (progress == null) {
            return latest.status();
        }
        if (isTerminal(progress.status()) || !isSideState(latest.status())) {
            return progress.status();
        }
        return latest.status();
    }

    /** Forward only, within the shipping stages; anything else keeps the order where it is. */
    static OrderStatus orderStatusAfter(OrderStatus current, ShipmentStatus checkpoint) {
        OrderStatus target = switch (checkpoint) {
            case IN_TRANSIT -> OrderStatus.IN_TRANSIT;
            case OUT_FOR_DELIVERY -> OrderStatus.OUT_FOR_DELIVERY;
            case DELIVERED -> OrderStatus.DELIVERED;
            case INFO_RECEIVED, ATTEMPT_FAILED, AVAILABLE_FOR_PICKUP, EXCEPTION, RETURNED_TO_SENDER -> null;
        };
        boolean shipping = current == OrderStatus.SHIPPED || current == OrderStatus.IN_TRANSIT
                || current == OrderStatus.OUT_FOR_DELIVERY;
        if (target == null || !shipping || target.ordinal() <= current.ordinal()) {
            return current;
        }
        return target;
    }

    /** Statuses on the way from label to doorstep (the others are side states of some stage). */
    static boolean isProgress(ShipmentStatus status) {
        return rank(status) >= 0;
    }

    static boolean isSideState(ShipmentStatus status) {
        return !isProgress(status);
    }

    public static boolean isTerminal(ShipmentStatus status) {
        return status == ShipmentStatus.DELIVERED || status == ShipmentStatus.RETURNED_TO_SENDER;
    }

    static int rank(ShipmentStatus status) {
        return switch (status) {
            case INFO_RECEIVED -> 0;
            case IN_TRANSIT -> 1;
            case OUT_FOR_DELIVERY -> 2;
            case RETURNED_TO_SENDER -> 3;
            case DELIVERED -> 4;
            case ATTEMPT_FAILED, AVAILABLE_FOR_PICKUP, EXCEPTION -> -1;
        };
    }

    private static TrackingMark max(TrackingMark current, TrackingMark candidate, Comparator<TrackingMark> order) {
        return current == null || order.compare(candidate, current) > 0 ? candidate : current;
    }
}

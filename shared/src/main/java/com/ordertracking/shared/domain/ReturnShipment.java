package com.ordertracking.shared.domain;

import com.ordertracking.shared.domain.tracking.CarrierNames;
import com.ordertracking.shared.domain.tracking.ShipmentProgress;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * The parcel a buyer sends back for an approved return, tracked by the same carrier webhooks as order
 * shipments and by the same join rules ({@link ShipmentProgress#advance}): its status never moves back,
 * duplicates and reordering change nothing. Stored as its own item beside the order, so a return scan
 * does not rewrite the order; the order changes once, when the parcel is delivered to the seller
 * ({@link #receiptOnDelivery}: RETURN_APPROVED → RETURNED through {@link ReturnReceipt}).
 *
 * @param parcel     carrier, number, status, progress marks; {@code shippedAt} is when it was attached
 * @param attachedBy {@code seller} or {@code buyer}
 * @param version    starts at 1 and guards every write of the item
 */
public record ReturnShipment(String orderId, String returnId, Shipment parcel, String attachedBy, long version) {

    /** A shipment just attached to an approved return, before any scan. */
    public static ReturnShipment attached(String orderId, String returnId, String carrier, String trackingNumber,
            String by, Instant at) {
        return new ReturnShipment(orderId, returnId, Shipment.registered(carrier, trackingNumber, null, at), by, 1);
    }

    public boolean isDelivered() {
        return parcel.deliveredAt() != null;
    }

    /** Whether this is the shipment {@code carrier} + {@code trackingNumber} (a repeated attach). */
    public boolean isFor(String carrier, String trackingNumber) {
        return parcel.carrier().equals(carrier) && parcel.trackingNumber().equals(trackingNumber);
    }

    /** The shipment after a carrier scan (one version later) and the timeline entry recording the scan. */
    public record Tracked(ReturnShipment shipment, TimelineEntry checkpoint) {
    }

    public Tracked track(TrackingEvent event) {
        Shipment next = ShipmentProgress.advance(parcel, event);
        String what = event.description() == null ? event.status().name() : event.description();
        TimelineEntry checkpoint = new TimelineEntry(checkpointId(returnId, event), event.occurredAt(),
                TimelineEntry.Kind.CHECKPOINT, null, event.status(), event.location(), "Return shipment: " + what,
                event.source());
        return new Tracked(new ReturnShipment(orderId, returnId, next, attachedBy, version + 1), checkpoint);
    }

    /**
     * The timeline id of a return scan: distinct from the order shipment's entries (which are the bare event
     * key) and, like them, stable, so the entry's conditional write also catches a redelivered event.
     */
    public static String checkpointId(String returnId, TrackingEvent event) {
        return "return-" + returnId + ":" + event.key();
    }

    /**
     * What delivery of this shipment does to {@code order}: RETURN_APPROVED → RETURNED when the parcel is
     * delivered and the order still waits for this return; nothing when it is not delivered yet, or the seller
     * already received it (or refunded, or the return is another one).
     */
    public Optional<ReturnReceipt.Received> receiptOnDelivery(Order order, Instant now) {
        ReturnRequest request = order.returnRequest();
        if (!isDelivered() || order.status() != OrderStatus.RETURN_APPROVED || request == null
                || !request.returnId().equals(returnId)) {
            return Optional.empty();
        }
        return Optional.of(ReturnReceipt.receive(order, now, parcel.carrier(), "Return delivered to the seller ("
                + CarrierNames.displayName(parcel.carrier()) + " " + parcel.trackingNumber() + ")"));
    }

    /** Why a return shipment cannot be attached. */
    public enum Refusal {
        /** The order has no return with that id. */
        UNKNOWN_RETURN,
        /** The return is not (or no longer) approved and waiting for its parcel. */
        NOT_APPROVED,
        /** The return already has another shipment: a shipment's number is never replaced. */
        OTHER_SHIPMENT
    }

    /** What an attach request means for an order and the return's current shipment (if any). */
    public sealed interface Attach {
        /** Attach this new shipment. */
        record New(ReturnShipment shipment) implements Attach {
        }

        /** The same carrier + number is already attached: answer with it (idempotent repeat). */
        record Repeat(ReturnShipment shipment) implements Attach {
        }

        record Refused(Refusal refusal) implements Attach {
        }
    }

    /**
     * The attach rules: only an approved return of this order takes a shipment, once; repeating the same
     * carrier + number is a repeat whatever has happened since (in transit, delivered, received).
     */
    public static Attach attach(Order order, String returnId, Optional<ReturnShipment> current, String carrier,
            String trackingNumber, String by, Instant now) {
        ReturnRequest request = order.returnRequest();
        if (request == null || !request.returnId().equals(returnId)) {
            return new Attach.Refused(Refusal.UNKNOWN_RETURN);
        }
        if (current.isPresent()) {
            return current.get().isFor(carrier, trackingNumber) ? new Attach.Repeat(current.get())
                    : new Attach.Refused(Refusal.OTHER_SHIPMENT);
        }
        if (order.status() != OrderStatus.RETURN_APPROVED) {
            return new Attach.Refused(Refusal.NOT_APPROVED);
        }
        return new Attach.New(attached(order.orderId(), returnId, carrier, trackingNumber, by, now));
    }
}

package com.ordertracking.shared.domain;

import java.time.Instant;

/**
 * The one way an approved return ends: the parcel is back with the seller, the order goes
 * RETURN_APPROVED → RETURNED (through {@link OrderStateMachine}) and the timeline says who reported it.
 * The seller's receive route and the delivery scan of a return shipment both come here, so both have
 * the same consequences downstream (the outbox's ReturnUpdated/RECEIVED and OrderStatusChanged/RETURNED;
 * the refund is the seller's next step either way).
 */
public final class ReturnReceipt {
    private ReturnReceipt() {
    }

    /** The received order (one version later) and its STATUS_CHANGED entry. */
    public record Received(Order order, TimelineEntry entry) {
    }

    /**
     * @param by          {@code seller}, or the carrier slug whose scan delivered the return shipment
     * @param description the timeline's text
     * @throws IllegalTransitionException when the order is not RETURN_APPROVED
     */
    public static Received receive(Order order, Instant at, String by, String description) {
        ReturnRequest request = order.returnRequest();
        if (request == null) {
            throw new IllegalTransitionException(order.status(), OrderStatus.RETURNED);
        }
        Order received = order.withReturnRequest(request.received(at, by), OrderStatus.RETURNED, at);
        return new Received(received, TimelineEntry.statusChanged("receive-v" + received.version(), at,
                OrderStatus.RETURNED, description, by));
    }
}

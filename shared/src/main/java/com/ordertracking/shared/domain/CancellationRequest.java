package com.ordertracking.shared.domain;

import java.time.Instant;

/**
 * A buyer's request to cancel an order the seller already processed, and its outcome. A request is
 * {@code PENDING} until the seller approves (the order is cancelled) or rejects it, or until the order
 * ships, which rejects it automatically ({@code decidedBy = "system"}). Decided requests stay on the order.
 *
 * @param decidedBy {@code seller} or {@code system} (shipping rejected it); null while pending
 * @param decisionReason the seller's optional reason, or why the system rejected it
 */
public record CancellationRequest(
        String reason,
        Instant requestedAt,
        State state,
        Instant decidedAt,
        String decidedBy,
        String decisionReason) {

    public enum State { PENDING, APPROVED, REJECTED }

    /** Rejected because the order shipped while the request was pending. */
    public static final String SHIPPED_REASON = "The order had already shipped";

    public static CancellationRequest pending(String reason, Instant at) {
        return new CancellationRequest(reason, at, State.PENDING, null, null, null);
    }

    public boolean isPending() {
        return state == State.PENDING;
    }

    public CancellationRequest approved(Instant at, String reason) {
        return decided(State.APPROVED, at, "seller", reason);
    }

    public CancellationRequest rejected(Instant at, String by, String reason) {
        return decided(State.REJECTED, at, by, reason);
    }

    private CancellationRequest decided(State outcome, Instant at, String by, String why) {
        if (!isPending()) {
            throw new IllegalStateException("The cancellation request was already " + state);
        }
        return new CancellationRequest(reason, requestedAt, outcome, at, by, why);
    }

    /**
     * The order about to ship, with its pending request (if any) rejected by the system in the same change:
     * shipping wins over a request the seller did not answer. Same version: the ship's own change bumps it.
     */
    public static Order rejectedByShipping(Order order, Instant at) {
        CancellationRequest request = order.cancellationRequest();
        if (request == null || !request.isPending()) {
            return order;
        }
        return order.replacingCancellationRequest(request.rejected(at, "system", SHIPPED_REASON));
    }
}

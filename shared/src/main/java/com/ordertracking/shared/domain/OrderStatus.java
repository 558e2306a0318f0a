package com.ordertracking.shared.domain;

/** The order's lifecycle status; see {@link OrderStateMachine} for the legal moves. */
public enum OrderStatus {
    PENDING,
    PROCESSED,
    /** Some items are in shipped packages, others are not packed yet. */
    PARTIALLY_SHIPPED,
    SHIPPED,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERED,
    CANCELLED,
    RETURN_REQUESTED,
    RETURN_APPROVED,
    RETURN_REJECTED,
    RETURNED,
    REFUNDED;

    /** True once a parcel is with the carrier: address and items can no longer change. */
    public boolean isShippedOrLater() {
        return switch (this) {
            case PENDING, PROCESSED, CANCELLED -> false;
            default -> true;
        };
    }
}

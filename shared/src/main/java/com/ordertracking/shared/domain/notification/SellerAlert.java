package com.ordertracking.shared.domain.notification;

/** What a seller is alerted about: what {@code alerts} in the seller's preferences name. */
public enum SellerAlert {
    DELAY,
    EXCEPTION,
    /** A buyer asks to cancel a processed order: approve or reject it before shipping. */
    CANCELLATION_REQUEST,
    /** A return shipment was delivered back to the seller (the order became RETURNED by itself): refund next. */
    RETURN_DELIVERED
}

package com.ordertracking.shared.domain.notification;

/** What a seller is alerted about: what {@code alerts} in the seller's preferences name. */
public enum SellerAlert {
    DELAY,
    EXCEPTION,
    /** A return shipment was delivered back to the seller (the order became RETURNED by itself): refund next. */
    RETURN_DELIVERED
}

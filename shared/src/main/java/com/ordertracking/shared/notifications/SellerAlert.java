package com.ordertracking.shared.notifications;

/** What a seller is alerted about: what {@code alerts} in the seller's preferences name. */
public enum SellerAlert {
    DELAY,
    EXCEPTION
}

package com.ordertracking.shared.application.order;

/** A carrier + tracking number is already registered to an order. */
public final class TrackingNumberInUseException extends RuntimeException {
    public TrackingNumberInUseException(String carrier, String trackingNumber) {
        super("Tracking number " + trackingNumber + " of " + carrier + " is already registered to another order");
    }
}

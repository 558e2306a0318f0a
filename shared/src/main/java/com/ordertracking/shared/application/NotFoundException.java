package com.ordertracking.shared.application;

/** What was asked for does not exist for this caller (another party's order looks exactly like a missing one). */
public final class NotFoundException extends UseCaseException {
    public NotFoundException(String detail) {
        super(detail);
    }

    public static NotFoundException order(String orderId) {
        return new NotFoundException("Order " + orderId + " was not found");
    }
}

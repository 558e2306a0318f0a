package com.ordertracking.shared.application;

/** The order changed since it was read: reload and retry, or answer 409/412. */
public final class VersionConflictException extends UseCaseException {
    public VersionConflictException(String orderId, long expectedVersion) {
        super("Order " + orderId + " is no longer at version " + expectedVersion);
    }
}

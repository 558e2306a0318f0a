package com.ordertracking.shared.persistence;

/** The order changed since it was read: reload and retry, or answer 409/412. */
public final class VersionConflictException extends RuntimeException {
    public VersionConflictException(String orderId, long expectedVersion) {
        super("Order " + orderId + " is no longer at version " + expectedVersion);
    }
}

package com.ordertracking.shared.application.order;

/** A listing cursor that this listing did not issue (malformed, edited, or from another listing). */
public final class InvalidCursorException extends RuntimeException {
    public InvalidCursorException(String message) {
        super(message, null, false, false);
    }
}

package com.ordertracking.local.cloud;

/** The embedded stack could not start or provision; the message is meant for a person. */
public final class LocalCloudException extends RuntimeException {
    public LocalCloudException(String message, Throwable cause) {
        super(message, cause);
    }

    public LocalCloudException(String message) {
        super(message);
    }
}

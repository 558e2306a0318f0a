package com.ordertracking.shared.application;

/**
 * The caller named the version its change was computed from (HTTP: {@code If-Match}) and the order is
 * no longer at that version: it was stale when read, or another write won the race.
 */
public final class StaleVersionException extends UseCaseException {
    public StaleVersionException(String orderId) {
        super("Order " + orderId + " has changed since the ETag you sent in If-Match; read it again and"
                + " re-apply your change");
    }

    private StaleVersionException(String resource, boolean unused) {
        super(resource + " has changed since the ETag you sent in If-Match; read it again and re-apply your change");
    }

    /** The same refusal for something other than an order (e.g. "Your seller profile"). */
    public static StaleVersionException of(String resource) {
        return new StaleVersionException(resource, true);
    }
}

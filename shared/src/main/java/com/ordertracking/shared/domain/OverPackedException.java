package com.ordertracking.shared.domain;

/** A package would hold more units of a SKU than the order has left to pack (a 409 naming the SKU at the API). */
public final class OverPackedException extends RuntimeException {
    private final String sku;
    private final int requested;
    private final int left;

    public OverPackedException(String sku, int requested, int left) {
        super("SKU " + sku + ": " + requested + " requested, " + left + " left to pack");
        this.sku = sku;
        this.requested = requested;
        this.left = left;
    }

    public String sku() {
        return sku;
    }

    public int requested() {
        return requested;
    }

    public int left() {
        return left;
    }
}

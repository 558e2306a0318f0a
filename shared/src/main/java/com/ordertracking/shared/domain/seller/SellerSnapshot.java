package com.ordertracking.shared.domain.seller;

/**
 * What an order copied from its seller's profile: the display name when it was placed, and the
 * warehouse it shipped from ({@code shipFrom}, set when it shipped). Copies, not references, so that
 * editing the profile never rewrites past orders. Absent on orders placed before the seller had a
 * profile (docs/data-model.md, "Seller profile").
 */
public record SellerSnapshot(String displayName, Warehouse shipFrom) {

    public SellerSnapshot withShipFrom(Warehouse warehouse) {
        return new SellerSnapshot(displayName, warehouse);
    }

    /** The display name of an order's seller snapshot, null when there is none. */
    public static String displayNameOf(SellerSnapshot snapshot) {
        return snapshot == null ? null : snapshot.displayName();
    }
}

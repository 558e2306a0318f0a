package com.ordertracking.shared.adapters.http.seller;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.seller.SellerProfile;
import java.time.Instant;
import java.util.List;

/** A seller profile as {@code GET|PUT /seller/profile} return it: the request's shape plus version and time. */
public record ProfileView(String sellerId, String displayName, String supportEmail, List<WarehouseView> warehouses,
        Address returnAddress, long version, Instant updatedAt) {

    /** A warehouse with its {@code default} flag (stored as the profile's {@code defaultWarehouseId}). */
    public record WarehouseView(String warehouseId, String name, Address address,
            @JsonProperty("default") boolean isDefault) {
    }

    public static ProfileView of(SellerProfile profile) {
        return new ProfileView(profile.sellerId(), profile.displayName(), profile.supportEmail(),
                profile.warehouses().stream().map(w -> new WarehouseView(w.warehouseId(), w.name(), w.address(),
                        w.warehouseId().equals(profile.defaultWarehouseId()))).toList(),
                profile.returnAddress(), profile.version(), profile.updatedAt());
    }
}

package com.ordertracking.shared.application.seller;

import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.domain.seller.SellerProfile;
import com.ordertracking.shared.domain.seller.Warehouse;
import java.util.Optional;

/**
 * Which warehouse an order ships from: the one the ship request names (it must be one of the seller's,
 * else 400 naming {@code warehouseId}), otherwise the profile's default, otherwise none (a seller without a
 * profile still ships).
 */
public final class ShipFrom {
    private final SellerProfiles profiles;

    public ShipFrom(SellerProfiles profiles) {
        this.profiles = profiles;
    }

    public Optional<Warehouse> resolve(String sellerId, String warehouseId) {
        Optional<SellerProfile> profile = profiles.find(sellerId);
        if (warehouseId == null) {
            return profile.flatMap(SellerProfile::defaultWarehouse);
        }
        return Optional.of(profile.flatMap(p -> p.warehouse(warehouseId)).orElseThrow(() -> ValidationException.of(
                "warehouseId", "is not one of your warehouses: " + warehouseId + " (see GET /seller/profile)")));
    }
}

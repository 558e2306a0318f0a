package com.ordertracking.shared.domain.seller;

import com.ordertracking.shared.domain.Address;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a seller tells buyers and carriers about itself: the name buyers see, an optional support
 * address, its warehouses (exactly one of them, {@code defaultWarehouseId}, is the default when there
 * are any) and where returns go. {@code version} guards every write; 0 means "never stored".
 */
public record SellerProfile(String sellerId, String displayName, String supportEmail, List<Warehouse> warehouses,
        String defaultWarehouseId, Address returnAddress, long version, Instant updatedAt) {

    public SellerProfile {
        warehouses = warehouses == null ? List.of() : List.copyOf(warehouses);
    }

    public Optional<Warehouse> warehouse(String warehouseId) {
        return warehouses.stream().filter(w -> w.warehouseId().equals(warehouseId)).findFirst();
    }

    /** The warehouse an order ships from when the ship request names none. */
    public Optional<Warehouse> defaultWarehouse() {
        return defaultWarehouseId == null ? Optional.empty() : warehouse(defaultWarehouseId);
    }

    /** The name and nothing else, as an order copies it at creation. */
    public SellerSnapshot snapshot() {
        return new SellerSnapshot(displayName, null);
    }
}

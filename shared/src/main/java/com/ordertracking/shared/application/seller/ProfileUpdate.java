package com.ordertracking.shared.application.seller;

import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.seller.Warehouse;
import java.util.List;

/** A validated {@code PUT /seller/profile} body; {@code defaultWarehouseId} is null only without warehouses. */
public record ProfileUpdate(String displayName, String supportEmail, List<Warehouse> warehouses,
        String defaultWarehouseId, Address returnAddress) {
}

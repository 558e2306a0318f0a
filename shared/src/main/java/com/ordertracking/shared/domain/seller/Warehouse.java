package com.ordertracking.shared.domain.seller;

import com.ordertracking.shared.domain.Address;

/** A place a seller ships from; orders copy the one they shipped from (see {@link SellerSnapshot}). */
public record Warehouse(String warehouseId, String name, Address address) {
}

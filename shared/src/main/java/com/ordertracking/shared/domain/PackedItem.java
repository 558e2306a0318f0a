package com.ordertracking.shared.domain;

/** Units of one SKU in a package. */
public record PackedItem(String sku, int quantity) {
}

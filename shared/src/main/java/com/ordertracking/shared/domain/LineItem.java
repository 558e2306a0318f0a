package com.ordertracking.shared.domain;

import java.math.BigDecimal;

/** One priced line of an order; amounts are in the order's currency at its minor-unit scale. */
public record LineItem(String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
}

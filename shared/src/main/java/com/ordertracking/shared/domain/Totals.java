package com.ordertracking.shared.domain;

import java.math.BigDecimal;

/** The order's money: {@code total = subtotal - discount + shipping}. */
public record Totals(BigDecimal subtotal, BigDecimal discount, BigDecimal shipping, BigDecimal total) {
}

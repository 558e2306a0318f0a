package com.ordertracking.shared.domain;

import java.math.BigDecimal;

/**
 * A discount on the order's subtotal, shown as its own line: either {@code percentOff} or
 * {@code amountOff} was asked for, {@code amount} is what was actually taken off (never more than
 * the subtotal). {@code code} names the coupon when one was redeemed.
 */
public record Discount(String code, String description, BigDecimal percentOff, BigDecimal amountOff, BigDecimal amount) {
}

package com.ordertracking.shared.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** The refund of an order (at most one): what was paid back, in the order's currency, by whom and when. */
public record Refund(BigDecimal amount, String by, Instant at) {
}

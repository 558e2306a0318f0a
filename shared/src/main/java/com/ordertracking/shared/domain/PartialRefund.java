package com.ordertracking.shared.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One refund of (part of) what the buyer paid, in the order's currency: an amount, or some units of the
 * order's lines ({@code items}, priced by {@link RefundRules#amountOf}). {@code returnless}: the buyer keeps
 * the goods. An order's refunds never sum above its total ({@link RefundRules}). The seller's full refund of
 * a cancelled or returned order ({@code POST /orders/{id}/refund}) is recorded here too, as {@code kind = FULL}.
 */
public record PartialRefund(
        String refundId,
        Kind kind,
        BigDecimal amount,
        List<RefundItem> items,
        String reason,
        boolean returnless,
        String by,
        Instant at) {

    public enum Kind { PARTIAL, FULL }

    public record RefundItem(String sku, int quantity) {
    }

    public PartialRefund {
        items = items == null ? null : List.copyOf(items);
    }
}

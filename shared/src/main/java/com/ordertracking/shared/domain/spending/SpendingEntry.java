package com.ordertracking.shared.domain.spending;

import com.ordertracking.shared.domain.Order;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What one order counts towards its buyer's spending: the net amount paid (see {@link #netPaid}) in the
 * order's currency, to its seller, on the UTC day the order was placed. It is a function of the order's
 * current state only, so storing it again for the same order version is harmless (idempotent).
 */
public record SpendingEntry(String buyerId, String orderId, String sellerId, String currency, LocalDate day,
        BigDecimal net, long orderVersion) {

    public static SpendingEntry of(Order order) {
        return new SpendingEntry(order.buyer().id(), order.orderId(), order.sellerId(), order.currency(),
                dayOf(order), netPaid(order), order.version());
    }

    /** The UTC calendar day an order belongs to in the spending report: the day it was placed. */
    public static LocalDate dayOf(Order order) {
        return LocalDate.ofInstant(order.createdAt(), ZoneOffset.UTC);
    }

    /**
     * What the buyer paid and kept paid: nothing for a cancelled order (whether or not the refund has been
     * recorded yet), otherwise the total less what was refunded, never below zero.
     */
    public static BigDecimal netPaid(Order order) {
        BigDecimal total = order.totals().total();
        BigDecimal nothing = BigDecimal.ZERO.setScale(total.scale());
        if (order.cancellation() != null) {
            return nothing;
        }
        BigDecimal refunded = order.refund() == null ? BigDecimal.ZERO : order.refund().amount();
        BigDecimal net = total.subtract(refunded);
        return net.signum() < 0 ? nothing : net;
    }
}

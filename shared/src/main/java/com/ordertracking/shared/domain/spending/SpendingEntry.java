package com.ordertracking.shared.domain.spending;

import com.ordertracking.shared.domain.Order;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What one order counts towards its buyer's spending, kept as its parts: the order's {@code total}, what was
 * {@code refunded} so far and whether it was {@code cancelled}, in the order's currency, to its seller, on the
 * UTC day the order was placed. {@link #net()} derives the amount from the parts, so an entry can be written
 * whole from an order's state and also have a refund added to {@code refunded} alone (a partial refund that
 * is not a versioned write of the whole order) — both orders of events give the same net.
 */
public record SpendingEntry(String buyerId, String orderId, String sellerId, String currency, LocalDate day,
        BigDecimal total, BigDecimal refunded, boolean cancelled, long orderVersion) {

    /** The entry for {@code order}'s current state. */
    public static SpendingEntry of(Order order) {
        return new SpendingEntry(order.buyer().id(), order.orderId(), order.sellerId(), order.currency(),
                dayOf(order), order.totals().total(), refundedOf(order), order.cancellation() != null, order.version());
    }

    /** The UTC calendar day an order belongs to in the spending report: the day it was placed. */
    public static LocalDate dayOf(Order order) {
        return LocalDate.ofInstant(order.createdAt(), ZoneOffset.UTC);
    }

    /**
     * What was paid back on the order so far: the sum of its {@code refunds} (partial ones and the full refund's
     * entry), or the single {@code refund} of an order stored before refunds were listed. It must stay the sum of
     * every refund the order item records, or a versioned write would put back a smaller {@code refunded} than
     * in-place refunds added.
     */
    public static BigDecimal refundedOf(Order order) {
        if (order.refunds().isEmpty() && order.refund() != null) {
            return order.refund().amount();
        }
        return order.refundedTotal();
    }

    /**
     * What the buyer paid and kept paid: nothing for a cancelled order (whether or not its refund has been
     * recorded yet), otherwise the total less what was refunded, never below zero.
     */
    public BigDecimal net() {
        BigDecimal nothing = BigDecimal.ZERO.setScale(total.scale());
        if (cancelled) {
            return nothing;
        }
        BigDecimal net = total.subtract(refunded);
        return net.signum() < 0 ? nothing : net;
    }

    /** {@link #net()} of {@code order}'s current state. */
    public static BigDecimal netPaid(Order order) {
        return of(order).net();
    }
}

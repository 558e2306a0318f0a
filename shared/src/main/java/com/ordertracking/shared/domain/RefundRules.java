package com.ordertracking.shared.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What may still be refunded on an order: never more than its total over all refunds, and for a refund of
 * units never more of a line than was ordered less what earlier refunds of units already covered.
 * Units are priced at their unit price less their proportional share of the order discount (shipping is
 * only ever refunded as part of an amount or of the full refund).
 */
public final class RefundRules {
    private RefundRules() {
    }

    /** A reason a refund of units is refused, naming the request item ({@code items[i].sku|quantity}). */
    public record ItemRefusal(int index, String field, boolean conflict, String detail) {
    }

    /** What is left to refund: the total less every refund so far (never negative). */
    public static BigDecimal remaining(Order order) {
        BigDecimal left = order.totals().total().subtract(order.refundedTotal());
        return left.signum() < 0 ? BigDecimal.ZERO.setScale(order.totals().total().scale()) : left;
    }

    /** Units of each SKU refunded so far by refunds of units. */
    public static Map<String, Integer> refundedUnits(Order order) {
        Map<String, Integer> units = new HashMap<>();
        for (PartialRefund refund : order.refunds()) {
            if (refund.items() != null) {
                refund.items().forEach(item -> units.merge(item.sku(), item.quantity(), Integer::sum));
            }
        }
        return units;
    }

    /**
     * Why these units cannot be refunded: an unknown SKU or more than ordered (a client mistake: {@code conflict}
     * false), or more than ordered less already refunded ({@code conflict} true: the order's state decides).
     */
    public static List<ItemRefusal> refusals(Order order, List<PartialRefund.RefundItem> items) {
        Map<String, LineItem> lines = lines(order);
        Map<String, Integer> refunded = refundedUnits(order);
        List<ItemRefusal> refusals = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            PartialRefund.RefundItem item = items.get(i);
            LineItem line = lines.get(item.sku());
            if (line == null) {
                refusals.add(new ItemRefusal(i, "sku", false, "is not an item of this order"));
                continue;
            }
            int left = line.quantity() - refunded.getOrDefault(item.sku(), 0);
            if (item.quantity() > line.quantity()) {
                refusals.add(new ItemRefusal(i, "quantity", false, "must be at most " + line.quantity()
                        + " (the quantity ordered)"));
            } else if (item.quantity() > left) {
                refusals.add(new ItemRefusal(i, "quantity", true, item.quantity() + " of " + item.sku()
                        + " exceed what is left to refund: " + left + " of " + line.quantity() + " ordered"));
            }
        }
        return refusals;
    }

    /**
     * The price of these units (SKU → quantity): their unit prices less their proportional share of the
     * order discount, at the currency's scale.
     */
    public static BigDecimal priceOf(Order order, Map<String, Integer> units) {
        Currency currency = Currency.getInstance(order.currency());
        Map<String, LineItem> lines = lines(order);
        Money goods = units.entrySet().stream()
                .map(unit -> new Money(lines.get(unit.getKey()).unitPrice(), currency).times(unit.getValue()))
                .reduce(Money.zero(currency), Money::plus);
        BigDecimal subtotal = order.totals().subtotal();
        if (subtotal.signum() == 0) {
            return Money.zero(currency).amount();
        }
        Money discountShare = new Money(Optional.ofNullable(order.totals().discount()).orElse(BigDecimal.ZERO)
                .multiply(goods.amount()).divide(subtotal, 10, Money.ROUNDING), currency);
        return goods.minus(discountShare).amount();
    }

    /** {@link #priceOf} for a list of refund items. */
    public static BigDecimal priceOf(Order order, List<PartialRefund.RefundItem> items) {
        Map<String, Integer> units = new HashMap<>();
        items.forEach(item -> units.merge(item.sku(), item.quantity(), Integer::sum));
        return priceOf(order, units);
    }

    private static Map<String, LineItem> lines(Order order) {
        Map<String, LineItem> lines = new HashMap<>();
        order.items().forEach(line -> lines.put(line.sku(), line));
        return lines;
    }
}

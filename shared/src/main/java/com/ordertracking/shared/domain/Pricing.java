package com.ordertracking.shared.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/** Prices an order: line totals, subtotal, discount (capped at the subtotal), shipping, total. */
public final class Pricing {
    private Pricing() {
    }

    /** What the seller asked for before pricing. */
    public record LineRequest(String sku, String name, int quantity, BigDecimal unitPrice) {
    }

    /** A requested discount: exactly one of {@code percentOff} or {@code amountOff}. */
    public record DiscountRequest(String code, String description, BigDecimal percentOff, BigDecimal amountOff) {
    }

    public record Priced(List<LineItem> items, Discount discount, Totals totals) {
    }

    public static Priced price(Currency currency, List<LineRequest> lines, DiscountRequest discountRequest,
            BigDecimal shippingFee) {
        List<LineItem> items = lines.stream().map(line -> {
            Money unit = new Money(line.unitPrice(), currency);
            return new LineItem(line.sku(), line.name(), line.quantity(), unit.amount(),
                    unit.times(line.quantity()).amount());
        }).toList();
        Money subtotal = items.stream()
                .map(item -> new Money(item.lineTotal(), currency))
                .reduce(Money.zero(currency), Money::plus);
        Discount discount = null;
        Money discountAmount = Money.zero(currency);
        if (discountRequest != null) {
            Money asked = discountRequest.percentOff() != null
                    ? subtotal.percent(discountRequest.percentOff())
                    : new Money(discountRequest.amountOff(), currency);
            discountAmount = asked.min(subtotal);
            discount = new Discount(discountRequest.code(), discountRequest.description(),
                    discountRequest.percentOff(), discountRequest.amountOff(), discountAmount.amount());
        }
        Money shipping = new Money(shippingFee == null ? BigDecimal.ZERO : shippingFee, currency);
        Money total = subtotal.minus(discountAmount).plus(shipping);
        return new Priced(items, discount,
                new Totals(subtotal.amount(), discountAmount.amount(), shipping.amount(), total.amount()));
    }
}

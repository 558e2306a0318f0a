package com.ordertracking.shared.domain.spending;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A buyer's spending in a period: per currency, and per seller and currency (amounts of different
 * currencies are never added together). {@code orders} counts the orders placed in the period,
 * cancelled and refunded ones included.
 */
public record SpendingReport(SpendingPeriod period, List<CurrencyTotal> totals, List<SellerTotal> bySeller) {

    public record CurrencyTotal(String currency, BigDecimal amount, int orders) {
    }

    public record SellerTotal(String sellerId, String currency, BigDecimal amount, int orders) {
    }

    public SpendingReport {
        totals = List.copyOf(totals);
        bySeller = List.copyOf(bySeller);
    }

    /** Sums the entries of days inside the period; sorted by currency, then seller. */
    public static SpendingReport of(SpendingPeriod period, Iterable<SpendingEntry> entries) {
        Map<String, CurrencyTotal> perCurrency = new TreeMap<>();
        Map<List<String>, SellerTotal> perSeller = new TreeMap<>(Comparator
                .<List<String>, String>comparing(key -> key.get(1)).thenComparing(key -> key.get(0)));
        for (SpendingEntry entry : entries) {
            if (!period.contains(entry.day())) {
                continue;
            }
            perCurrency.merge(entry.currency(), new CurrencyTotal(entry.currency(), entry.net(), 1),
                    (a, b) -> new CurrencyTotal(a.currency(), a.amount().add(b.amount()), a.orders() + 1));
            perSeller.merge(List.of(entry.sellerId(), entry.currency()),
                    new SellerTotal(entry.sellerId(), entry.currency(), entry.net(), 1),
                    (a, b) -> new SellerTotal(a.sellerId(), a.currency(), a.amount().add(b.amount()), a.orders() + 1));
        }
        return new SpendingReport(period, List.copyOf(perCurrency.values()), List.copyOf(perSeller.values()));
    }
}

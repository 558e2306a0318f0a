package com.ordertracking.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.shared.domain.Pricing.DiscountRequest;
import com.ordertracking.shared.domain.Pricing.LineRequest;
import com.ordertracking.shared.domain.Pricing.Priced;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of pricing over random orders in currencies with 0, 2 and 3 decimals. */
class PricingPropertiesTest {

    record Case(Currency currency, List<LineRequest> lines, DiscountRequest discount, BigDecimal shipping) {
    }

    @Provide
    Arbitrary<Case> orders() {
        return Arbitraries.of("USD", "JPY", "KWD", "EUR", "BHD").map(Currency::getInstance)
                .flatMap(currency -> Combinators.combine(
                        lines(currency), discounts(currency), amounts(currency, 0, 100_000).injectNull(0.3))
                        .as((lines, discount, shipping) -> new Case(currency, lines, discount, shipping)));
    }

    private Arbitrary<BigDecimal> amounts(Currency currency, long min, long max) {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.valueOf(min), BigDecimal.valueOf(max))
                .ofScale(currency.getDefaultFractionDigits());
    }

    private Arbitrary<List<LineRequest>> lines(Currency currency) {
        Arbitrary<LineRequest> line = Combinators.combine(
                        Arbitraries.integers().between(1, 10_000), amounts(currency, 0, 999_999))
                .as((quantity, price) -> new LineRequest("sku", "name", quantity, price));
        return line.list().ofMinSize(1).ofMaxSize(10);
    }

    private Arbitrary<DiscountRequest> discounts(Currency currency) {
        Arbitrary<DiscountRequest> percent = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), BigDecimal.valueOf(100)).ofScale(2)
                .map(p -> new DiscountRequest(null, null, p, null));
        Arbitrary<DiscountRequest> amount = amounts(currency, 1, 10_000_000)
                .filter(a -> a.signum() > 0)
                .map(a -> new DiscountRequest("CODE", null, null, a));
        return Arbitraries.oneOf(percent, amount).injectNull(0.2);
    }

    @Property(tries = 500)
    void total_is_subtotal_minus_discount_plus_shipping_and_never_negative(@ForAll("orders") Case order) {
        // WHEN a random order is priced
        Priced priced = Pricing.price(order.currency(), order.lines(), order.discount(), order.shipping());
        Totals totals = priced.totals();
        // THEN the totals add up, the discount is capped at the subtotal and nothing is negative
        assertThat(totals.total())
                .isEqualByComparingTo(totals.subtotal().subtract(totals.discount()).add(totals.shipping()));
        assertThat(totals.total().signum()).isGreaterThanOrEqualTo(0);
        assertThat(totals.discount()).isLessThanOrEqualTo(totals.subtotal());
        assertThat(totals.discount().signum()).isGreaterThanOrEqualTo(0);
    }

    @Property(tries = 300)
    void all_amounts_are_at_the_currency_scale_and_lines_sum_to_subtotal(@ForAll("orders") Case order) {
        Priced priced = Pricing.price(order.currency(), order.lines(), order.discount(), order.shipping());
        int scale = order.currency().getDefaultFractionDigits();
        Totals totals = priced.totals();
        assertThat(List.of(totals.subtotal(), totals.discount(), totals.shipping(), totals.total()))
                .allSatisfy(amount -> assertThat(amount.scale()).isEqualTo(scale));
        BigDecimal sum = priced.items().stream().map(LineItem::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(totals.subtotal()).isEqualByComparingTo(sum);
        priced.items().forEach(item -> assertThat(item.lineTotal())
                .isEqualByComparingTo(item.unitPrice().multiply(BigDecimal.valueOf(item.quantity()))));
        if (priced.discount() != null) {
            assertThat(priced.discount().amount()).isEqualTo(totals.discount());
        }
    }
}

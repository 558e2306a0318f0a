package com.ordertracking.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.shared.domain.Pricing.DiscountRequest;
import com.ordertracking.shared.domain.Pricing.LineRequest;
import com.ordertracking.shared.domain.Pricing.Priced;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricingTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency KWD = Currency.getInstance("KWD");

    private static LineRequest line(String sku, int quantity, String unitPrice) {
        return new LineRequest(sku, "Item " + sku, quantity, new BigDecimal(unitPrice));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void line_totals_are_unit_price_times_quantity_at_the_currency_scale() {
        // GIVEN two lines WHEN priced
        Priced priced = Pricing.price(USD, List.of(line("A", 3, "19.99"), line("B", 1, "5")), null, null);
        // THEN every line carries its unit price and total at scale 2, names and SKUs preserved
        assertThat(priced.items()).containsExactly(
                new LineItem("A", "Item A", 3, d("19.99"), d("59.97")),
                new LineItem("B", "Item B", 1, d("5.00"), d("5.00")));
    }

    @Test
    void subtotal_is_the_sum_of_line_totals_and_total_adds_shipping() {
        Priced priced = Pricing.price(USD, List.of(line("A", 3, "19.99"), line("B", 2, "0.01")), null, d("4.5"));
        assertThat(priced.totals()).isEqualTo(new Totals(d("59.99"), d("0.00"), d("4.50"), d("64.49")));
        assertThat(priced.discount()).isNull();
    }

    @Test
    void missing_shipping_fee_counts_as_zero() {
        Priced priced = Pricing.price(JPY, List.of(line("A", 2, "1500")), null, null);
        assertThat(priced.totals()).isEqualTo(new Totals(d("3000"), d("0"), d("0"), d("3000")));
    }

    @Test
    void percent_discount_is_taken_off_the_subtotal_rounded_half_even() {
        // GIVEN a subtotal of 0.25 and 50% off (0.125, a tie)
        Priced priced = Pricing.price(USD, List.of(line("A", 1, "0.25")),
                new DiscountRequest("HALF", "Half price", d("50"), null), null);
        // THEN the discount rounds half-even to 0.12 and the total is 0.13
        assertThat(priced.discount()).isEqualTo(new Discount("HALF", "Half price", d("50"), null, d("0.12")));
        assertThat(priced.totals()).isEqualTo(new Totals(d("0.25"), d("0.12"), d("0.00"), d("0.13")));
    }

    @Test
    void percent_discount_with_fractional_percent() {
        Priced priced = Pricing.price(USD, List.of(line("A", 4, "25.00")),
                new DiscountRequest(null, null, d("12.5"), null), d("10.00"));
        assertThat(priced.totals()).isEqualTo(new Totals(d("100.00"), d("12.50"), d("10.00"), d("97.50")));
    }

    @Test
    void amount_discount_is_taken_off_as_is() {
        Priced priced = Pricing.price(KWD, List.of(line("A", 2, "1.250")),
                new DiscountRequest(null, "Loyalty", null, d("0.5")), d("0.750"));
        assertThat(priced.discount()).isEqualTo(new Discount(null, "Loyalty", null, d("0.5"), d("0.500")));
        assertThat(priced.totals()).isEqualTo(new Totals(d("2.500"), d("0.500"), d("0.750"), d("2.750")));
    }

    @Test
    void amount_discount_larger_than_subtotal_is_capped_at_the_subtotal() {
        // GIVEN a 50.00 discount on a 20.00 subtotal with 5.00 shipping
        Priced priced = Pricing.price(USD, List.of(line("A", 2, "10.00")),
                new DiscountRequest(null, null, null, d("50.00")), d("5.00"));
        // THEN only 20.00 is taken off, the asked-for amount is still reported, shipping is still due
        assertThat(priced.discount().amountOff()).isEqualByComparingTo("50.00");
        assertThat(priced.discount().amount()).isEqualByComparingTo("20.00");
        assertThat(priced.totals()).isEqualTo(new Totals(d("20.00"), d("20.00"), d("5.00"), d("5.00")));
    }

    @Test
    void hundred_percent_discount_makes_the_goods_free() {
        Priced priced = Pricing.price(USD, List.of(line("A", 3, "3.33")),
                new DiscountRequest(null, null, d("100"), null), d("2.00"));
        assertThat(priced.totals()).isEqualTo(new Totals(d("9.99"), d("9.99"), d("2.00"), d("2.00")));
    }

    @Test
    void empty_order_has_zero_totals() {
        Priced priced = Pricing.price(USD, List.of(), new DiscountRequest(null, null, null, d("5")), null);
        assertThat(priced.items()).isEmpty();
        assertThat(priced.totals()).isEqualTo(new Totals(d("0.00"), d("0.00"), d("0.00"), d("0.00")));
    }
}

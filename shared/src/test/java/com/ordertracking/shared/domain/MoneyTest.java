package com.ordertracking.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency KWD = Currency.getInstance("KWD");

    @Nested
    class ScaleAndRounding {
        @ParameterizedTest(name = "{0} {1} is held as {2}")
        @CsvSource({
                "12,      USD, 12.00",
                "12.5,    USD, 12.50",
                "0,       USD, 0.00",
                "1500,    JPY, 1500",
                "1500.0,  JPY, 1500",
                "1.5,     KWD, 1.500",
                "2,       KWD, 2.000",
        })
        void amount_is_always_held_at_the_currencys_minor_unit_scale(String amount, String currency, String expected) {
            Money money = Money.of(amount, currency);
            assertThat(money.amount()).isEqualByComparingTo(expected);
            assertThat(money.amount().toPlainString()).isEqualTo(expected);
        }

        @Test
        void scale_is_two_for_usd_zero_for_jpy_three_for_kwd() {
            assertThat(Money.zero(USD).amount().scale()).isEqualTo(2);
            assertThat(Money.zero(JPY).amount().scale()).isZero();
            assertThat(Money.zero(KWD).amount().scale()).isEqualTo(3);
        }

        @ParameterizedTest(name = "{0} {1} rounds half-even to {2}")
        @CsvSource({
                "12.345,  USD, 12.34",  // tie, 4 is even: down
                "12.355,  USD, 12.36",  // tie, 5 is odd: up
                "12.3451, USD, 12.35",  // above the tie: up
                "0.005,   USD, 0.00",
                "0.015,   USD, 0.02",
                "-0.015,  USD, -0.02",
                "0.5,     JPY, 0",
                "1.5,     JPY, 2",
                "2.5,     JPY, 2",
                "1.0005,  KWD, 1.000",
                "1.0015,  KWD, 1.002",
        })
        void rounding_is_half_even(String amount, String currency, String expected) {
            assertThat(Money.of(amount, currency).amount().toPlainString()).isEqualTo(expected);
        }

        @Test
        void rounding_mode_is_bankers_rounding() {
            assertThat(Money.ROUNDING).isEqualTo(java.math.RoundingMode.HALF_EVEN);
        }

        @Test
        void equal_amounts_written_with_different_scales_are_equal_money() {
            assertThat(Money.of("12.5", "USD")).isEqualTo(Money.of("12.50", "USD"));
            assertThat(Money.of("12.5", "USD")).hasSameHashCodeAs(Money.of("12.500", "USD"));
        }

        @Test
        void null_amount_or_currency_is_rejected() {
            assertThatNullPointerException().isThrownBy(() -> new Money(null, USD)).withMessage("amount");
            assertThatNullPointerException().isThrownBy(() -> new Money(BigDecimal.ONE, null)).withMessage("currency");
        }

        @Test
        void to_string_is_plain_amount_and_code() {
            assertThat(Money.of("1E+3", "USD")).hasToString("1000.00 USD");
            assertThat(Money.of("1500", "JPY")).hasToString("1500 JPY");
        }
    }

    @Nested
    class Arithmetic {
        @Test
        void plus_adds_amounts_of_the_same_currency() {
            assertThat(Money.of("10.10", "USD").plus(Money.of("0.95", "USD"))).isEqualTo(Money.of("11.05", "USD"));
        }

        @Test
        void minus_subtracts_and_may_go_negative() {
            Money result = Money.of("1.00", "USD").minus(Money.of("2.50", "USD"));
            assertThat(result).isEqualTo(Money.of("-1.50", "USD"));
            assertThat(result.isNegative()).isTrue();
            assertThat(Money.zero(USD).isNegative()).isFalse();
        }

        @Test
        void times_multiplies_by_a_quantity() {
            assertThat(Money.of("19.99", "USD").times(3)).isEqualTo(Money.of("59.97", "USD"));
            assertThat(Money.of("1500", "JPY").times(0)).isEqualTo(Money.zero(JPY));
            assertThat(Money.of("0.125", "KWD").times(8)).isEqualTo(Money.of("1.000", "KWD"));
        }

        @ParameterizedTest(name = "{2}% of {0} {1} = {3}")
        @CsvSource({
                "100.00, USD, 10,    10.00",
                "10.00,  USD, 12.5,  1.25",
                "0.25,   USD, 50,    0.12", // 0.125 -> half-even down
                "0.35,   USD, 50,    0.18", // 0.175 -> half-even up
                "19.99,  USD, 33.33, 6.66", // 6.662667
                "999,    JPY, 15,    150",  // 149.85
                "1005,   JPY, 10,    100",  // 100.5 -> half-even down
                "1.234,  KWD, 10,    0.123",
                "80.00,  USD, 100,   80.00",
        })
        void percent_is_rounded_half_even_to_the_minor_unit(String amount, String currency, String percent, String expected) {
            assertThat(Money.of(amount, currency).percent(new BigDecimal(percent)).amount().toPlainString())
                    .isEqualTo(expected);
        }

        @Test
        void min_and_compare_to_order_by_amount() {
            Money small = Money.of("1.00", "USD");
            Money large = Money.of("2.00", "USD");
            assertThat(small.min(large)).isSameAs(small);
            assertThat(large.min(small)).isSameAs(small);
            assertThat(small.compareTo(large)).isNegative();
            assertThat(large.compareTo(small)).isPositive();
            assertThat(small.compareTo(Money.of("1", "USD"))).isZero();
        }

        @Test
        void mixing_currencies_throws() {
            Money dollars = Money.of("1.00", "USD");
            Money yen = Money.of("100", "JPY");
            assertThatThrownBy(() -> dollars.plus(yen))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Currency mismatch")
                    .hasMessageContaining("USD").hasMessageContaining("JPY");
            assertThatThrownBy(() -> dollars.minus(yen)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> dollars.compareTo(yen)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> dollars.min(yen)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class FitsMinorUnit {
        @ParameterizedTest(name = "{0} {1} fits={2}")
        @CsvSource({
                "12.34,   USD, true",
                "12.3,    USD, true",
                "12,      USD, true",
                "12.340,  USD, true",  // trailing zeros do not count
                "12.345,  USD, false",
                "0.001,   USD, false",
                "1500,    JPY, true",
                "1500.00, JPY, true",
                "1E+3,    JPY, true",
                "1500.5,  JPY, false",
                "1.234,   KWD, true",
                "1.2345,  KWD, false",
                "0,       JPY, true",
                "0.000,   USD, true",
        })
        void fits_minor_unit_checks_decimals_against_the_currency(String amount, String currency, boolean fits) {
            assertThat(Money.fitsMinorUnit(new BigDecimal(amount), Currency.getInstance(currency))).isEqualTo(fits);
        }
    }
}

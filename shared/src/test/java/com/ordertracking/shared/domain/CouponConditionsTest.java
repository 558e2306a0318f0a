package com.ordertracking.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.shared.domain.Coupon.Purchase;
import com.ordertracking.shared.domain.Coupon.Refusal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Loyalty ({@code minDeliveredOrders}) and bundle ({@code minSubtotal}, {@code minQuantity}) conditions, each named. */
class CouponConditionsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static Coupon coupon(int minQuantity, Integer minDeliveredOrders, String minSubtotal) {
        return new Coupon("s", "LOYAL", null, BigDecimal.TEN, null, "USD", NOW.minusSeconds(60), NOW.plusSeconds(3600),
                minQuantity, null, null, 0, NOW, null, minDeliveredOrders,
                minSubtotal == null ? null : new BigDecimal(minSubtotal));
    }

    private static Purchase purchase(String currency, int quantity, String subtotal, long delivered) {
        return new Purchase(currency, quantity, new BigDecimal(subtotal), "b", delivered);
    }

    private static Optional<String> failed(Coupon coupon, Purchase purchase) {
        return coupon.refusalFor(NOW, purchase).map(Refusal::condition);
    }

    @Test
    void loyalty_needs_the_buyers_earlier_delivered_orders() {
        Coupon loyal = coupon(1, 2, null);

        assertThat(failed(loyal, purchase("USD", 1, "10.00", 0))).contains("minDeliveredOrders");
        assertThat(failed(loyal, purchase("USD", 1, "10.00", 1))).contains("minDeliveredOrders");
        assertThat(failed(loyal, purchase("USD", 1, "10.00", 2))).isEmpty();
        assertThat(loyal.loyaltyRefusal(1)).hasValueSatisfying(r -> assertThat(r.detail())
                .contains("at least 2 delivered").contains("has 1"));
        assertThat(loyal.rewardsLoyalty()).isTrue();
        assertThat(coupon(1, null, null).rewardsLoyalty()).isFalse();
    }

    @Test
    void the_subtotal_must_reach_the_minimum_in_the_coupons_currency() {
        Coupon bundle = coupon(1, null, "50.00");

        assertThat(failed(bundle, purchase("USD", 1, "49.99", 0))).contains("minSubtotal");
        assertThat(failed(bundle, purchase("USD", 1, "50.00", 0))).as("inclusive").isEmpty();
        assertThat(failed(bundle, purchase("EUR", 1, "80.00", 0))).as("another currency").contains("minSubtotal");
    }

    @Test
    void the_first_failing_condition_is_named_and_the_quantity_rule_stays() {
        assertThat(failed(coupon(3, 2, "50.00"), purchase("USD", 2, "10.00", 0))).contains("minQuantity");
        assertThat(failed(coupon(1, 2, "50.00"), purchase("USD", 2, "10.00", 0))).contains("minSubtotal");
        assertThat(coupon(1, null, null).refusalFor(NOW.plusSeconds(7200), purchase("USD", 1, "1.00", 0)))
                .hasValueSatisfying(r -> assertThat(r.condition()).isEqualTo("validUntil"));
    }
}

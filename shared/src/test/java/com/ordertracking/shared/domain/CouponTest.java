package com.ordertracking.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.shared.domain.Coupon.Refusal.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CouponTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static Coupon coupon(Instant from, Instant until, int minQuantity, Integer max, long used,
            BigDecimal amountOff) {
        return new Coupon("s", "CODE", null, amountOff == null ? BigDecimal.TEN : null, amountOff,
                amountOff == null ? null : "EUR", from, until, minQuantity, max, null, used, from, null);
    }

    @Test
    void each_reason_to_refuse_a_coupon_is_named() {
        Instant past = NOW.minusSeconds(3600);
        Instant future = NOW.plusSeconds(3600);

        assertThat(coupon(future, future.plusSeconds(1), 1, null, 0, null).refusalFor(NOW, "USD", 1))
                .hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(Kind.NOT_YET_VALID));
        assertThat(coupon(past, NOW, 1, null, 0, null).refusalFor(NOW, "USD", 1))
                .as("validUntil is exclusive").hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(Kind.EXPIRED));
        assertThat(coupon(past, future, 1, 10, 10, null).refusalFor(NOW, "USD", 1))
                .hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(Kind.EXHAUSTED));
        assertThat(coupon(past, future, 1, null, 0, new BigDecimal("5")).refusalFor(NOW, "USD", 1))
                .hasValueSatisfying(r -> assertThat(r.detail()).contains("EUR"));
        assertThat(coupon(past, future, 3, null, 0, null).refusalFor(NOW, "USD", 2))
                .hasValueSatisfying(r -> assertThat(r.detail()).contains("at least 3 items"));
        assertThat(coupon(past, future, 3, 10, 9, null).refusalFor(NOW, "USD", 3)).isEmpty();
    }
}

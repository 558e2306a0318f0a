package com.ordertracking.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderLifecycleTest {
    private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");
    private static final Order PENDING = Order.placed("ord_1", "s", new Buyer("b", "B", null, null),
            List.of(new LineItem("A", "A", 1, BigDecimal.ONE, BigDecimal.ONE)),
            new Address("B", "1 St", null, "City", null, "1", "US", null), "USD", null,
            new Totals(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE), AT);

    @Test
    void cancellation_is_recorded_one_version_later_and_a_cancelled_order_cannot_ship() {
        Order cancelled = PENDING.withCancellation(new Cancellation("seller", "s", "out of stock", AT));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.version()).isEqualTo(2);
        assertThat(cancelled.cancellation().reason()).isEqualTo("out of stock");
        assertThatThrownBy(() -> cancelled.withStatus(OrderStatus.SHIPPED, AT)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> cancelled.withCancellation(new Cancellation("seller", "s", "again", AT)))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void a_refunded_order_cannot_be_refunded_again_and_a_pending_one_not_at_all() {
        Order refunded = PENDING.withCancellation(new Cancellation("seller", "s", "x", AT))
                .withRefund(new Refund(BigDecimal.ONE, "s", AT));

        assertThat(refunded.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThatThrownBy(() -> refunded.withRefund(new Refund(BigDecimal.ONE, "s", AT)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> PENDING.withRefund(new Refund(BigDecimal.ONE, "s", AT)))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void edits_change_only_what_is_given_in_one_version() {
        Address moved = new Address("B", "2 St", null, "Town", null, "2", "US", null);

        Order edited = PENDING.withEdits(moved, null, AT);

        assertThat(edited.shippingAddress()).isEqualTo(moved);
        assertThat(edited.items()).isEqualTo(PENDING.items());
        assertThat(edited.version()).isEqualTo(PENDING.version() + 1);
        assertThat(PENDING.wasDelivered()).isFalse();
    }
}

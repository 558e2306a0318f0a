package com.ordertracking.shared.domain.spending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Buyer;
import com.ordertracking.shared.domain.Cancellation;
import com.ordertracking.shared.domain.LineItem;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.Refund;
import com.ordertracking.shared.domain.ReturnRequest;
import com.ordertracking.shared.domain.Totals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpendingRulesTest {
    private static final Instant AT = Instant.parse("2026-03-31T23:59:59.999Z");

    private static Order placed(String orderId, String sellerId, String currency, String total, Instant at) {
        BigDecimal amount = new BigDecimal(total);
        return Order.placed(orderId, sellerId, new Buyer("b1", "B", null, null),
                List.of(new LineItem("A", "A", 1, amount, amount)),
                new Address("B", "1 St", null, "City", null, "1", "US", null), currency, null,
                new Totals(amount, new BigDecimal("0.00"), new BigDecimal("0.00"), amount), at);
    }

    @Test
    void a_placed_order_counts_its_total_on_its_utc_day() {
        SpendingEntry entry = SpendingEntry.of(placed("o1", "s1", "USD", "25.50", AT));

        assertThat(entry.net()).isEqualByComparingTo("25.50");
        assertThat(entry.day()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(entry.sellerId()).isEqualTo("s1");
        assertThat(entry.buyerId()).isEqualTo("b1");
        assertThat(entry.orderVersion()).isEqualTo(1);
    }

    @Test
    void a_cancelled_order_counts_nothing_before_and_after_its_refund() {
        Order cancelled = placed("o1", "s1", "USD", "25.50", AT).withCancellation(new Cancellation("seller", "s1", "x", AT));
        Order refunded = cancelled.withRefund(new Refund(new BigDecimal("25.50"), "s1", AT));

        assertThat(SpendingEntry.netPaid(cancelled)).isEqualTo(new BigDecimal("0.00"));
        assertThat(SpendingEntry.netPaid(refunded)).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void a_partly_refunded_return_counts_what_was_kept() {
        Order returned = placed("o1", "s1", "EUR", "40.00", AT)
                .withStatus(OrderStatus.PROCESSED, AT).withStatus(OrderStatus.SHIPPED, AT)
                .withStatus(OrderStatus.DELIVERED, AT)
                .withReturnRequest(new ReturnRequest("r1", "broken", List.of(), AT, null, null, null, null),
                        OrderStatus.RETURN_REQUESTED, AT)
                .withStatus(OrderStatus.RETURN_APPROVED, AT).withStatus(OrderStatus.RETURNED, AT)
                .withRefund(new Refund(new BigDecimal("15.00"), "s1", AT));

        assertThat(SpendingEntry.netPaid(returned)).isEqualTo(new BigDecimal("25.00"));
    }

    @Test
    void the_parts_give_the_same_net_whichever_change_lands_first() {
        Order order = placed("o1", "s1", "USD", "30.00", AT);
        SpendingEntry placed = SpendingEntry.of(order);
        // A partial refund adds to "refunded" only; a cancellation is a whole new state.
        SpendingEntry refundedThenCancelled = SpendingEntry.of(order.withCancellation(new Cancellation("seller", "s1", "x", AT)));
        refundedThenCancelled = withRefunded(refundedThenCancelled, new BigDecimal("5.00"));
        SpendingEntry partlyRefunded = withRefunded(placed, new BigDecimal("5.00"));

        assertThat(partlyRefunded.net()).isEqualTo(new BigDecimal("25.00"));
        assertThat(refundedThenCancelled.net()).isEqualTo(new BigDecimal("0.00"));
        assertThat(withRefunded(placed, new BigDecimal("31.00")).net()).isEqualTo(new BigDecimal("0.00"));
    }

    private static SpendingEntry withRefunded(SpendingEntry entry, BigDecimal more) {
        return new SpendingEntry(entry.buyerId(), entry.orderId(), entry.sellerId(), entry.currency(), entry.day(),
                entry.total(), entry.refunded().add(more), entry.cancelled(), entry.orderVersion() + 1);
    }

    @Test
    void the_report_sums_per_currency_and_per_seller_inside_the_period_only() {
        SpendingPeriod march = new SpendingPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        List<SpendingEntry> entries = List.of(
                SpendingEntry.of(placed("o1", "s1", "USD", "10.00", Instant.parse("2026-03-01T00:00:00Z"))),
                SpendingEntry.of(placed("o2", "s1", "USD", "5.25", AT)),
                SpendingEntry.of(placed("o3", "s2", "USD", "1.00", AT)),
                SpendingEntry.of(placed("o4", "s2", "JPY", "1200", AT)),
                SpendingEntry.of(placed("o5", "s1", "USD", "99.00", Instant.parse("2026-04-01T00:00:00Z"))),
                SpendingEntry.of(placed("o6", "s1", "USD", "99.00", Instant.parse("2026-02-28T23:59:59.999Z"))));

        SpendingReport report = SpendingReport.of(march, entries);

        assertThat(report.totals()).containsExactly(
                new SpendingReport.CurrencyTotal("JPY", new BigDecimal("1200"), 1),
                new SpendingReport.CurrencyTotal("USD", new BigDecimal("16.25"), 3));
        assertThat(report.bySeller()).containsExactly(
                new SpendingReport.SellerTotal("s2", "JPY", new BigDecimal("1200"), 1),
                new SpendingReport.SellerTotal("s1", "USD", new BigDecimal("15.25"), 2),
                new SpendingReport.SellerTotal("s2", "USD", new BigDecimal("1.00"), 1));
    }

    @Test
    void a_period_is_ordered_and_at_most_366_days() {
        LocalDate start = LocalDate.of(2028, 1, 1);
        assertThat(new SpendingPeriod(start, start.plusDays(365)).to()).isEqualTo(LocalDate.of(2028, 12, 31));
        assertThatThrownBy(() -> new SpendingPeriod(start, start.plusDays(366))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpendingPeriod(start, start.minusDays(1))).isInstanceOf(IllegalArgumentException.class);
    }
}

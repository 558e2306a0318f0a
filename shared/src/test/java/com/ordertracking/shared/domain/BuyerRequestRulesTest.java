package com.ordertracking.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Partial refunds' bounds and prices, and cancellation requests meeting a shipment (issue 12). */
class BuyerRequestRulesTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    /** 2 mugs at 12.50 and 1 plate at 15.00 = 40.00, less 4.00 discount, plus 5.00 shipping = 41.00. */
    private static final Order ORDER = Order.placed("ord_1", "seller-1", new Buyer("buyer-1", "Ana", null, null),
            List.of(new LineItem("MUG", "Mug", 2, new BigDecimal("12.50"), new BigDecimal("25.00")),
                    new LineItem("PLATE", "Plate", 1, new BigDecimal("15.00"), new BigDecimal("15.00"))),
            new Address("Ana", "1 St", null, "City", null, "1", "US", null), "USD", null,
            new Totals(new BigDecimal("40.00"), new BigDecimal("4.00"), new BigDecimal("5.00"), new BigDecimal("41.00")), AT);

    private static PartialRefund refund(String id, String amount, List<PartialRefund.RefundItem> items) {
        return new PartialRefund(id, PartialRefund.Kind.PARTIAL, new BigDecimal(amount), items, "damaged", false, "seller-1", AT);
    }

    @Test
    void units_are_priced_at_their_unit_price_less_their_share_of_the_discount() {
        // One mug is 12.50 of a 40.00 subtotal: its share of the 4.00 discount is 1.25
        assertThat(RefundRules.priceOf(ORDER, List.of(new PartialRefund.RefundItem("MUG", 1))))
                .isEqualByComparingTo("11.25");
        assertThat(RefundRules.priceOf(ORDER, List.of(new PartialRefund.RefundItem("MUG", 2),
                new PartialRefund.RefundItem("PLATE", 1)))).isEqualByComparingTo("36.00");
    }

    @Test
    void what_is_left_to_refund_is_the_total_less_every_refund_and_never_negative() {
        Order refunded = ORDER.withPartialRefund(refund("r1", "10.00", null))
                .withPartialRefund(refund("r2", "0.50", null));

        assertThat(refunded.refundedTotal()).isEqualByComparingTo("10.50");
        assertThat(RefundRules.remaining(refunded)).isEqualByComparingTo("30.50");
        assertThat(refunded.version()).isEqualTo(ORDER.version() + 2);
        assertThat(refunded.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(RefundRules.remaining(ORDER.withPartialRefund(refund("r3", "41.00", null)))).isZero();
        assertThat(ORDER.refundedTotal()).isEqualByComparingTo("0").hasToString("0.00");
    }

    @Test
    void units_refunds_are_bounded_by_the_quantity_ordered_less_what_was_refunded() {
        Order oneMugRefunded = ORDER.withPartialRefund(refund("r1", "11.25", List.of(new PartialRefund.RefundItem("MUG", 1))));

        List<RefundRules.ItemRefusal> refusals = RefundRules.refusals(oneMugRefunded, List.of(
                new PartialRefund.RefundItem("MUG", 2),      // 1 of 2 left: a conflict with earlier refunds
                new PartialRefund.RefundItem("CUP", 1),      // not in the order: a client mistake
                new PartialRefund.RefundItem("PLATE", 2),    // more than ordered: a client mistake
                new PartialRefund.RefundItem("PLATE", 1)));  // fine

        assertThat(refusals).extracting(RefundRules.ItemRefusal::index, RefundRules.ItemRefusal::field,
                RefundRules.ItemRefusal::conflict).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "quantity", true),
                        org.assertj.core.groups.Tuple.tuple(1, "sku", false),
                        org.assertj.core.groups.Tuple.tuple(2, "quantity", false));
        assertThat(RefundRules.refusals(oneMugRefunded, List.of(new PartialRefund.RefundItem("MUG", 1)))).isEmpty();
    }

    @Test
    void the_full_refund_records_what_it_paid_in_the_refunds_too() {
        Order cancelled = ORDER.withPartialRefund(refund("r1", "5.00", null))
                .withCancellation(new Cancellation("seller", "seller-1", "out of stock", AT));
        PartialRefund rest = new PartialRefund("r2", PartialRefund.Kind.FULL, new BigDecimal("36.00"), null,
                "Order refunded", false, "seller-1", AT);

        Order refunded = cancelled.withFullRefund(new Refund(new BigDecimal("36.00"), "seller-1", AT), rest);

        assertThat(refunded.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(refunded.version()).isEqualTo(cancelled.version() + 1);
        assertThat(refunded.refundedTotal()).isEqualByComparingTo("41.00");
        assertThat(cancelled.withFullRefund(new Refund(BigDecimal.ZERO, "seller-1", AT), null).refunds()).hasSize(1);
    }

    @Test
    void shipping_rejects_a_pending_request_in_the_same_change_and_leaves_decided_ones_alone() {
        Order processed = ORDER.withStatus(OrderStatus.PROCESSED, AT);
        Order requested = processed.withCancellationRequest(CancellationRequest.pending("changed my mind", AT), AT);

        Order shipped = CancellationRequest.rejectedByShipping(requested, AT.plusSeconds(5))
                .withShipmentAndStatus(Shipment.registered("ups", "1Z999", null, AT), OrderStatus.SHIPPED, AT);

        assertThat(shipped.version()).isEqualTo(requested.version() + 1);
        assertThat(shipped.cancellationRequest().state()).isEqualTo(CancellationRequest.State.REJECTED);
        assertThat(shipped.cancellationRequest().decidedBy()).isEqualTo("system");
        assertThat(shipped.cancellationRequest().decisionReason()).isEqualTo(CancellationRequest.SHIPPED_REASON);
        assertThat(shipped.cancellationRequest().reason()).isEqualTo("changed my mind");
        assertThat(CancellationRequest.rejectedByShipping(processed, AT)).isSameAs(processed);
        Order approved = requested.replacingCancellationRequest(requested.cancellationRequest().approved(AT, null));
        assertThat(CancellationRequest.rejectedByShipping(approved, AT)).isSameAs(approved);
    }

    @Test
    void a_decided_request_cannot_be_decided_again() {
        CancellationRequest rejected = CancellationRequest.pending("too slow", AT).rejected(AT, "seller", "already packed");

        assertThatThrownBy(() -> rejected.approved(AT, null)).isInstanceOf(IllegalStateException.class);
    }
}

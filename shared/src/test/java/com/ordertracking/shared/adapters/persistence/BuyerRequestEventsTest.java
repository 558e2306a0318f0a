package com.ordertracking.shared.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.shared.domain.CancellationRequest;
import com.ordertracking.shared.domain.Cancellation;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.PartialRefund;
import com.ordertracking.shared.domain.Refund;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.event.OrderEvent;
import com.ordertracking.shared.domain.event.OrderEventType;
import com.ordertracking.shared.domain.notification.Notification;
import com.ordertracking.shared.domain.notification.NotificationTemplates;
import com.ordertracking.shared.domain.tracking.TrackingLinks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outbox events of cancellation requests and refunds, and who hears about them (issue 12). */
class BuyerRequestEventsTest {
    private static final Instant AT = OrderEventsTest.AT;
    private static final NotificationTemplates TEMPLATES =
            new NotificationTemplates(new TrackingLinks("https://shop.example.com", "test-secret-0123456789"));
    private static final Order PROCESSED = OrderEventsTest.PENDING.withStatus(OrderStatus.PROCESSED, AT);
    private static final Order REQUESTED = PROCESSED.withCancellationRequest(CancellationRequest.pending("wrong size", AT), AT);

    private static PartialRefund refund(String id, PartialRefund.Kind kind, String amount) {
        return new PartialRefund(id, kind, new BigDecimal(amount), null, "late", true, "seller-1", AT);
    }

    private static List<Notification> render(List<OrderEvent> events) {
        return events.stream().flatMap(event -> TEMPLATES.render(event).stream()).toList();
    }

    @Test
    void a_filed_request_alerts_the_seller_and_only_the_seller() {
        List<OrderEvent> events = OrderEvents.between(PROCESSED, REQUESTED);

        assertThat(events).extracting(OrderEvent::eventType).containsExactly(OrderEventType.CancellationRequestUpdated);
        assertThat(events.getFirst().cancellationRequest().state()).isEqualTo("PENDING");
        assertThat(render(events)).singleElement().satisfies(alert -> {
            assertThat(alert.audience()).isEqualTo(Notification.Audience.SELLER);
            assertThat(alert.kind()).isEqualTo("CANCELLATION_REQUEST");
            assertThat(alert.sms()).contains("wrong size").hasSizeLessThanOrEqualTo(NotificationTemplates.SMS_LIMIT);
        });
    }

    @Test
    void an_approval_tells_the_buyer_once_through_the_cancellation() {
        CancellationRequest request = REQUESTED.cancellationRequest();
        Order approved = REQUESTED.withCancellation(new Cancellation("buyer", "buyer-1", request.reason(), AT))
                .replacingCancellationRequest(request.approved(AT, null));

        List<Notification> buyerMessages = render(OrderEvents.between(REQUESTED, approved)).stream()
                .filter(n -> n.audience() == Notification.Audience.BUYER).toList();

        assertThat(buyerMessages).extracting(Notification::kind).containsExactly("CANCELLED");
    }

    @Test
    void a_rejection_by_shipping_tells_the_buyer_why_besides_the_shipping_message() {
        Order shipped = CancellationRequest.rejectedByShipping(REQUESTED, AT)
                .withShipmentAndStatus(Shipment.registered("ups", "1Z1", null, AT), OrderStatus.SHIPPED, AT);

        List<OrderEvent> events = OrderEvents.between(REQUESTED, shipped);

        assertThat(events).extracting(OrderEvent::eventType)
                .containsExactly(OrderEventType.OrderStatusChanged, OrderEventType.CancellationRequestUpdated);
        assertThat(events.get(1).cancellationRequest().decidedBy()).isEqualTo("system");
        assertThat(render(events)).extracting(Notification::kind).containsExactly("SHIPPED", "CANCELLATION_DECLINED");
        assertThat(render(events).get(1).sms()).contains("already shipped", "return");
    }

    @Test
    void every_refund_is_one_refund_issued_event_with_the_running_total() {
        Order first = PROCESSED.withPartialRefund(refund("r1", PartialRefund.Kind.PARTIAL, "5.00"));
        Order second = first.withPartialRefund(refund("r2", PartialRefund.Kind.PARTIAL, "2.50"));

        List<OrderEvent> events = OrderEvents.between(first, second);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.eventType()).isEqualTo(OrderEventType.RefundIssued);
            assertThat(event.refund().refundId()).isEqualTo("r2");
            assertThat(event.refund().amount()).isEqualByComparingTo("2.50");
            assertThat(event.refund().refundedTotal()).isEqualByComparingTo("7.50");
            assertThat(event.refund().orderTotal()).isEqualByComparingTo("25.00");
            assertThat(event.refund().kind()).isEqualTo("PARTIAL");
            assertThat(event.refund().returnless()).isTrue();
        });
        assertThat(render(events)).extracting(Notification::kind).containsExactly("REFUND_ISSUED");
    }

    @Test
    void a_full_refund_with_nothing_left_to_pay_issues_no_refund_event() {
        Order paidBack = PROCESSED.withPartialRefund(refund("r1", PartialRefund.Kind.PARTIAL, "25.00"))
                .withCancellation(new Cancellation("seller", "seller-1", "oos", AT));
        Order refunded = paidBack.withFullRefund(new Refund(new BigDecimal("0.00"), "seller-1", AT), null);

        assertThat(OrderEvents.between(paidBack, refunded)).extracting(OrderEvent::eventType)
                .containsExactly(OrderEventType.OrderStatusChanged);
    }
}

package com.ordertracking.shared.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.event.OrderEvent.CompensationInfo;
import com.ordertracking.shared.domain.event.OrderEvent.DelayInfo;
import com.ordertracking.shared.domain.event.OrderEvent.OrderSummary;
import com.ordertracking.shared.domain.event.OrderEvent.RefundInfo;
import com.ordertracking.shared.domain.event.OrderEvent.ReturnInfo;
import com.ordertracking.shared.domain.event.OrderEvent.ReturnState;
import com.ordertracking.shared.domain.event.OrderEvent.ShipmentInfo;
import com.ordertracking.shared.domain.event.OrderEvent;
import com.ordertracking.shared.domain.event.OrderEventType;
import com.ordertracking.shared.domain.tracking.TrackingLinks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NotificationTemplatesTest {
    static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");
    /** A realistic worst case: a full-length order id, a 34-character tracking number, a production base URL. */
    static final String ORDER = "ord_0123456789abcdefghjk";
    static final TrackingLinks LINKS = new TrackingLinks("https://shop.example.com", "test-secret-0123456789");
    static final NotificationTemplates TEMPLATES = new NotificationTemplates(LINKS);
    static final ShipmentInfo SHIPMENT = new ShipmentInfo("fedex", "9261290100830000000000000012345678",
            ShipmentStatus.IN_TRANSIT, Instant.parse("2026-11-26T18:00:00Z"), AT, AT, null);

    static OrderEvent event(OrderEventType type, OrderStatus status) {
        return new OrderEvent(1, OrderEvent.eventId(ORDER, 3, type), type, AT, ORDER, 3, "seller-1", "buyer-1", status,
                null, new OrderSummary("USD", new BigDecimal("1234.50"), 12, AT), SHIPMENT,
                new ShipmentInfo("fedex", SHIPMENT.trackingNumber(), ShipmentStatus.IN_TRANSIT, null, AT, AT, null),
                new DelayInfo(Delay.Reason.NO_CARRIER_UPDATE, AT, AT.plusSeconds(86_400 * 3)),
                new ReturnInfo("ret_1", ReturnState.APPROVED, "too small", null, null),
                new RefundInfo(new BigDecimal("1234.50"), "USD", AT),
                new CompensationInfo("coupon", "SORRY-ABCDEFGH", null, new BigDecimal("1234.50"), "USD",
                        Instant.parse("2027-02-21T12:00:00Z"), AT),
                null); // the destination's zone unknown: the longest texts, dates labelled "(UTC)"
    }

    static OrderEvent shippedTo(String zone, Instant eta) {
        OrderEvent e = event(OrderEventType.OrderStatusChanged, OrderStatus.SHIPPED);
        return new OrderEvent(1, e.eventId(), e.eventType(), AT, ORDER, 3, "seller-1", "buyer-1", e.status(), null,
                null, new ShipmentInfo("fedex", SHIPMENT.trackingNumber(), null, eta, AT, null, null), null, null,
                null, null, null, zone);
    }

    static Stream<OrderEvent> notifiable() {
        OrderEvent exception = event(OrderEventType.ShipmentUpdated, OrderStatus.IN_TRANSIT);
        exception = new OrderEvent(1, exception.eventId(), exception.eventType(), AT, ORDER, 3, "seller-1", "buyer-1",
                OrderStatus.IN_TRANSIT, null, null, new ShipmentInfo("fedex", SHIPMENT.trackingNumber(),
                ShipmentStatus.EXCEPTION, null, AT, AT, null), exception.previousShipment(), null, null, null, null, null);
        return Stream.of(event(OrderEventType.OrderCreated, OrderStatus.PENDING), returnReceived("dhl"),
                event(OrderEventType.OrderStatusChanged, OrderStatus.SHIPPED),
                event(OrderEventType.OrderStatusChanged, OrderStatus.OUT_FOR_DELIVERY),
                event(OrderEventType.OrderStatusChanged, OrderStatus.DELIVERED),
                event(OrderEventType.OrderStatusChanged, OrderStatus.CANCELLED),
                event(OrderEventType.DeliveryDelayed, OrderStatus.IN_TRANSIT),
                event(OrderEventType.ReturnUpdated, OrderStatus.RETURN_APPROVED),
                event(OrderEventType.RefundIssued, OrderStatus.REFUNDED),
                event(OrderEventType.CompensationOffered, OrderStatus.DELIVERED),
                exception);
    }

    /** ReturnUpdated RECEIVED, received by {@code by} ({@code seller} or a carrier slug). */
    static OrderEvent returnReceived(String by) {
        OrderEvent e = event(OrderEventType.ReturnUpdated, OrderStatus.RETURNED);
        return new OrderEvent(1, e.eventId(), e.eventType(), AT, ORDER, 3, "seller-1", "buyer-1", OrderStatus.RETURNED,
                null, null, SHIPMENT, null, null, new ReturnInfo("ret_0123456789abcdefghjk", ReturnState.RECEIVED,
                        "too small", null, by), null, null, null);
    }

    @Test
    void the_seller_is_alerted_of_a_return_the_carrier_delivered_not_of_one_it_received_itself() {
        List<Notification> byCarrier = TEMPLATES.render(returnReceived("ups"));
        List<Notification> bySeller = TEMPLATES.render(returnReceived("seller"));

        assertThat(byCarrier).extracting(Notification::kind).containsExactly("RETURN_UPDATED", "RETURN_DELIVERED");
        assertThat(byCarrier.get(1).audience()).isEqualTo(Notification.Audience.SELLER);
        assertThat(byCarrier.get(1).sms()).contains(ORDER, "UPS");
        assertThat(bySeller).extracting(Notification::kind).containsExactly("RETURN_UPDATED");
    }

    @ParameterizedTest
    @MethodSource("notifiable")
    void every_sms_fits_one_160_character_segment_even_in_the_worst_case(OrderEvent event) {
        List<Notification> notifications = TEMPLATES.render(event);

        assertThat(notifications).isNotEmpty();
        notifications.forEach(n -> assertThat(n.sms()).as(n.kind() + ": " + n.sms())
                .hasSizeLessThanOrEqualTo(NotificationTemplates.SMS_LIMIT));
        notifications.forEach(n -> assertThat(n.subject()).isNotBlank());
    }

    @Test
    void the_shipped_message_names_carrier_tracking_number_eta_and_the_tracking_link() {
        Notification shipped = TEMPLATES.render(event(OrderEventType.OrderStatusChanged, OrderStatus.SHIPPED)).getFirst();

        assertThat(shipped.buyerMessage()).isEqualTo(BuyerMessage.SHIPPED);
        assertThat(shipped.sms()).contains("FedEx", SHIPMENT.trackingNumber(), "Nov 26 (UTC)", LINKS.link(ORDER));
        assertThat(shipped.email()).contains("FedEx", SHIPMENT.trackingNumber(), "Nov 26", LINKS.link(ORDER));
    }

    @Test
    void the_eta_is_the_local_date_of_the_destination_across_the_date_line() {
        // GIVEN an ETA that is Dec 3 in the evening in Los Angeles and Dec 4 in the afternoon in Auckland
        Instant eta = Instant.parse("2025-12-04T03:00:00Z");

        Notification losAngeles = TEMPLATES.render(shippedTo("America/Los_Angeles", eta)).getFirst();
        Notification auckland = TEMPLATES.render(shippedTo("Pacific/Auckland", eta)).getFirst();

        assertThat(losAngeles.sms()).contains("arriving Dec 3.");
        assertThat(losAngeles.email()).contains("Estimated delivery: Dec 3\n");
        assertThat(auckland.sms()).contains("arriving Dec 4.");
        assertThat(auckland.email()).contains("Estimated delivery: Dec 4\n");
    }

    @Test
    void an_eta_just_before_the_us_spring_forward_is_the_local_saturday() {
        // 07:30Z on Sunday 2026-03-08 is 23:30 PST on Saturday in Los Angeles (clocks change at 10:00Z)
        Notification shipped = TEMPLATES.render(shippedTo("America/Los_Angeles", Instant.parse("2026-03-08T07:30:00Z")))
                .getFirst();

        assertThat(shipped.sms()).contains("arriving Mar 7.");
    }

    @Test
    void an_unknown_destination_zone_is_labelled_utc() {
        Notification shipped = TEMPLATES.render(shippedTo(null, Instant.parse("2025-12-04T03:00:00Z"))).getFirst();

        assertThat(shipped.sms()).contains("arriving Dec 4 (UTC).");
    }

    @Test
    void a_delay_apologises_to_the_buyer_and_alerts_the_seller() {
        List<Notification> delayed = TEMPLATES.render(event(OrderEventType.DeliveryDelayed, OrderStatus.IN_TRANSIT));

        assertThat(delayed).extracting(Notification::kind).containsExactly("DELIVERY_DELAYED", "DELAY");
        assertThat(delayed.getFirst().sms()).startsWith("Sorry").contains("New estimate: Nov 26");
        assertThat(delayed.get(1).audience()).isEqualTo(Notification.Audience.SELLER);
    }

    @Test
    void a_compensation_tells_the_buyer_the_apology_code_discount_and_expiry_without_truncation() {
        OrderEvent amount = event(OrderEventType.CompensationOffered, OrderStatus.DELIVERED);
        OrderEvent percent = new OrderEvent(1, amount.eventId(), amount.eventType(), AT, ORDER, 3, "seller-1",
                "buyer-1", OrderStatus.IN_TRANSIT, null, null, SHIPMENT, null, null, null, null,
                new CompensationInfo("coupon", "SORRY-23456789", new BigDecimal("15.0"), null, null,
                        Instant.parse("2027-02-21T12:00:00Z"), AT), null);

        List<Notification> byAmount = TEMPLATES.render(amount);
        Notification byPercent = TEMPLATES.render(percent).getFirst();

        assertThat(byAmount).extracting(Notification::kind).containsExactly("COMPENSATION_OFFERED");
        assertThat(byAmount.getFirst().audience()).isEqualTo(Notification.Audience.BUYER);
        assertThat(byAmount.getFirst().sms()).startsWith("Sorry").contains("SORRY-ABCDEFGH", "1234.50 USD off", "Feb 21")
                .doesNotEndWith("…");
        assertThat(byPercent.sms()).contains("SORRY-23456789", "15% off", "Feb 21").doesNotEndWith("…");
        assertThat(byPercent.email()).contains("sorry", ORDER, "SORRY-23456789", "15% off", "Feb 21", LINKS.link(ORDER));
        assertThat(byPercent.email().length()).isGreaterThan(byPercent.sms().length());
    }

    @Test
    void the_delivered_message_asks_for_feedback() {
        Notification delivered = TEMPLATES.render(event(OrderEventType.OrderStatusChanged, OrderStatus.DELIVERED))
                .getFirst();

        assertThat(delivered.sms()).contains("Rate it");
    }

    @Test
    void quiet_moments_send_nothing() {
        assertThat(TEMPLATES.render(event(OrderEventType.OrderStatusChanged, OrderStatus.IN_TRANSIT))).isEmpty();
        assertThat(TEMPLATES.render(event(OrderEventType.ShipmentUpdated, OrderStatus.IN_TRANSIT))).isEmpty();
    }

    @Test
    void tracking_links_verify_and_resist_tampering() {
        String token = LINKS.token(ORDER);

        assertThat(LINKS.orderIdOf(token)).contains(ORDER);
        assertThat(LINKS.orderIdOf("ord_0123456789abcdefghjm" + token.substring(token.indexOf('~')))).isEmpty();
        assertThat(new TrackingLinks("https://x", "another-secret-012345").orderIdOf(token)).isEmpty();
        assertThat(LINKS.orderIdOf("garbage")).isEmpty();
    }
}

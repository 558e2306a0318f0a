package com.ordertracking.trackingpage;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Buyer;
import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.LineItem;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.Totals;
import com.ordertracking.shared.domain.TimelineEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackingPageTest {
    static final Instant PLACED = Instant.parse("2026-11-20T09:00:00Z");
    static final Instant ETA = Instant.parse("2026-11-25T18:00:00Z");

    static Order inTransit(Delay delay) {
        BigDecimal price = new BigDecimal("123.45");
        return new Order("ord_test", "seller-1", new Buyer("buyer-1", "Ana Souza", "ana@example.com", "+14155550123"),
                List.of(new LineItem("MUG-01", "Ceramic mug", 1, price, price)),
                new Address("Ana Souza", "500 Market St", "Apt 4", "San Francisco", "CA", "94105", "US", "+14155550199"),
                "USD", null, new Totals(price, BigDecimal.ZERO.setScale(2), new BigDecimal("4.99"), new BigDecimal("128.44")),
                OrderStatus.IN_TRANSIT, 5, PLACED, PLACED.plusSeconds(7200),
                new Shipment("ups", "1Z999AA10123456784", ShipmentStatus.IN_TRANSIT, ETA, PLACED.plusSeconds(3600),
                        null, null, null, null, null),
                null, null, null, null, delay, List.of());
    }

    static List<TimelineEntry> timeline() {
        return List.of(
                TimelineEntry.statusChanged("created", PLACED, OrderStatus.PENDING, "Order created", "seller"),
                TimelineEntry.note("addr", PLACED.plusSeconds(60), OrderStatus.PENDING,
                        "Shipping address changed to 500 Market St", "buyer"),
                TimelineEntry.statusChanged("shipped", PLACED.plusSeconds(3600), OrderStatus.SHIPPED,
                        "Shipped with ups 1Z999AA10123456784 — seller note: call Ana on +14155550123", "seller"),
                new TimelineEntry("ups-1", PLACED.plusSeconds(7200), TimelineEntry.Kind.CHECKPOINT, null,
                        ShipmentStatus.IN_TRANSIT, "Oakland, CA <b>hub</b>", "Departed <script>alert(1)</script>", "ups"));
    }

    @Test
    void shows_status_carrier_tracking_number_eta_and_destination_city_only() {
        String page = TrackingPage.render(inTransit(null), timeline());

        assertThat(page).startsWith("<!doctype html>")
                .contains("<p class=\"status\">On its way</p>")
                .contains("<dt>Carrier</dt><dd>UPS</dd>")
                .contains("<dt>Tracking number</dt><dd>1Z999AA10123456784</dd>")
                .contains("<dt>Estimated delivery</dt><dd>Wednesday 25 November 2026</dd>")
                .contains("<dt>Shipping to</dt><dd>San Francisco, US</dd>")
                .contains("name=\"viewport\"")
                .doesNotContain("Running late")
                .doesNotContain("<script");
    }

    @Test
    void shows_no_personal_data_prices_or_typed_free_text() {
        String page = TrackingPage.render(inTransit(null), timeline());

        assertThat(page).doesNotContain("Ana", "Souza", "ana@example.com", "+1415555", "500 Market", "Apt 4",
                "94105", "buyer-1", "seller-1", "123.45", "128.44", "4.99", "USD", "Ceramic mug", "MUG-01",
                "seller note", "Shipping address changed");
    }

    @Test
    void timeline_is_newest_first_with_carrier_checkpoints_escaped_and_notes_left_out() {
        String page = TrackingPage.render(inTransit(null), timeline());

        int checkpoint = page.indexOf("Departed &lt;script&gt;alert(1)&lt;/script&gt;");
        int shipped = page.indexOf("<strong>Shipped</strong>");
        int placed = page.indexOf("<strong>Order placed</strong>");
        assertThat(checkpoint).isPositive();
        assertThat(shipped).isGreaterThan(checkpoint);
        assertThat(placed).isGreaterThan(shipped);
        assertThat(page).contains("<strong>In transit</strong> <span class=\"where\">· Oakland, CA &lt;b&gt;hub&lt;/b&gt;</span>")
                .contains("<time datetime=\"2026-11-20T11:00:00Z\">Fri 20 Nov 2026, 11:00 UTC</time>")
                .doesNotContain("<b>");
        assertThat(page.split("<li>", -1)).hasSize(4); // three entries: the note is not shown
    }

    @Test
    void a_delay_shows_a_notice_with_the_new_estimate() {
        Delay delay = new Delay(Delay.Reason.ESTIMATE_PUSHED_BACK, ETA, Instant.parse("2026-11-28T12:00:00Z"));

        String page = TrackingPage.render(inTransit(delay), timeline());

        assertThat(page).contains("<strong>Running late.</strong> The carrier has moved the delivery date back."
                + " New estimate: Saturday 28 November 2026.");
    }

    @Test
    void a_delay_without_an_estimate_says_we_are_checking() {
        String page = TrackingPage.render(inTransit(new Delay(Delay.Reason.NO_CARRIER_UPDATE, ETA, null)), List.of());

        assertThat(page).contains("The carrier has not updated this parcel for a while. We&#39;re checking with the carrier.")
                .doesNotContain("<h2>History</h2>");
    }

    @Test
    void an_order_not_shipped_yet_says_so() {
        Order order = inTransit(null);
        Order pending = new Order(order.orderId(), order.sellerId(), order.buyer(), order.items(),
                order.shippingAddress(), order.currency(), null, order.totals(), OrderStatus.PROCESSED, 2, PLACED,
                PLACED, null, null, null, null, null, null, List.of());

        String page = TrackingPage.render(pending, List.of());

        assertThat(page).contains("<p class=\"status\">Preparing your parcel</p>")
                .contains("<dt>Carrier</dt><dd>Not shipped yet</dd>")
                .doesNotContain("Tracking number");
    }

    @Test
    void hostile_stored_values_are_escaped_everywhere() {
        Order order = inTransit(null);
        Order hostile = new Order("ord_<x>", order.sellerId(), order.buyer(), order.items(),
                new Address("n", "l", null, "<script>city</script>", null, null, "\"US'", null), order.currency(),
                null, order.totals(), OrderStatus.SHIPPED, 2, PLACED, PLACED,
                new Shipment("<i>carrier</i>", "1Z\"><script>", null, null, PLACED, null, null, null, null, null),
                null, null, null, null, null, List.of());

        String page = TrackingPage.render(hostile, List.of());

        assertThat(page).doesNotContain("<x>", "<script>", "<i>", "\"><")
                .contains("ord_&lt;x&gt;", "&lt;script&gt;city&lt;/script&gt;, &quot;US&#39;",
                        "&lt;i&gt;carrier&lt;/i&gt;", "1Z&quot;&gt;&lt;script&gt;")
                .contains("To be confirmed by the carrier");
    }

    @Test
    void a_delivered_order_shows_when_and_no_estimate_or_delay() {
        Order order = inTransit(new Delay(Delay.Reason.PAST_ESTIMATED_DELIVERY, ETA, null));
        Instant deliveredAt = Instant.parse("2026-11-26T15:30:00Z");
        Shipment s = order.shipment();
        Order delivered = order.withShipmentAndStatus(new Shipment(s.carrier(), s.trackingNumber(),
                ShipmentStatus.DELIVERED, s.estimatedDelivery(), s.shippedAt(), deliveredAt, deliveredAt, null, null,
                null), OrderStatus.DELIVERED, deliveredAt);

        String page = TrackingPage.render(delivered, List.of());

        assertThat(page).contains("<p class=\"status\">Delivered</p>")
                .contains("<dt>Delivered</dt><dd>Thu 26 Nov 2026, 15:30 UTC</dd>")
                .doesNotContain("Estimated delivery", "Running late");
    }

    @Test
    void the_not_found_page_is_html_and_says_nothing_about_why() {
        assertThat(TrackingPage.notFound()).startsWith("<!doctype html>").contains("Tracking link not found")
                .doesNotContain("ord_");
    }
}

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
                .contains("<h1>Your order</h1>")
                .contains("<h2 id=\"status\">On its way</h2>")
                .contains("<dt>Carrier</dt><dd>UPS</dd>")
                .contains("<dt>Tracking number</dt><dd class=\"tracking-number\">1Z999AA10123456784</dd>")
                .contains("Estimated delivery <strong>Wednesday 25 November 2026</strong>")
                .contains("<dt>Shipping to</dt><dd>San Francisco, US</dd>")
                .contains("<dt>Order reference</dt><dd>ord_test</dd>")
                .contains("1 item · ordered Friday 20 November 2026")
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
                .contains("<time datetime=\"2026-11-20T11:00:00Z\">Fri 20 Nov 2026, 03:00 PST</time>")
                .doesNotContain("<b>");
        assertThat(page.split("<time ", -1)).hasSize(4); // three entries: the note is not shown
    }

    @Test
    void a_delay_shows_a_notice_with_the_new_estimate() {
        Delay delay = new Delay(Delay.Reason.ESTIMATE_PUSHED_BACK, ETA, Instant.parse("2026-11-28T12:00:00Z"));

        String page = TrackingPage.render(inTransit(delay), timeline());

        assertThat(page).contains("<section class=\"notice\" role=\"status\" aria-labelledby=\"late\">\n"
                + "<h2 id=\"late\">Running late</h2>\n<p>The carrier has moved the delivery date back."
                + " New estimate: Saturday 28 November 2026.</p>")
                .contains("New estimated delivery <strong>Saturday 28 November 2026</strong>");
    }

    @Test
    void a_delay_without_an_estimate_says_we_are_checking() {
        String page = TrackingPage.render(inTransit(new Delay(Delay.Reason.NO_CARRIER_UPDATE, ETA, null)), List.of());

        assertThat(page).contains("The carrier has not updated this parcel for a while. We&#39;re checking with the carrier.")
                .contains("Was due <strong>Wednesday 25 November 2026</strong>, new date to be confirmed")
                .doesNotContain("id=\"history\"");
    }

    @Test
    void an_order_not_shipped_yet_says_so() {
        Order order = inTransit(null);
        Order pending = new Order(order.orderId(), order.sellerId(), order.buyer(), order.items(),
                order.shippingAddress(), order.currency(), null, order.totals(), OrderStatus.PROCESSED, 2, PLACED,
                PLACED, null, null, null, null, null, null, List.of());

        String page = TrackingPage.render(pending, List.of());

        assertThat(page).contains("<h2 id=\"status\">Preparing your parcel</h2>")
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

        assertThat(page).doesNotContain("<x>", "<script>", "<i>", "1Z\">")
                .contains("ord_&lt;x&gt;", "&lt;script&gt;city&lt;/script&gt;, &quot;US&#39;",
                        "&lt;i&gt;carrier&lt;/i&gt;", "1Z&quot;&gt;&lt;script&gt;")
                .contains("to be confirmed by the carrier");
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

        assertThat(page).contains("<h2 id=\"status\">Delivered</h2>")
                .contains("Delivered <strong>Thu 26 Nov 2026, 07:30 PST</strong>")
                .doesNotContain("Estimated delivery", "Running late");
    }

    static Order shippedTo(Address address, Instant eta, Delay delay) {
        Order order = inTransit(delay);
        return new Order(order.orderId(), order.sellerId(), order.buyer(), order.items(), address, order.currency(),
                null, order.totals(), order.status(), order.version(), order.createdAt(), order.updatedAt(),
                new Shipment("ups", "1Z999AA10123456784", ShipmentStatus.IN_TRANSIT, eta, PLACED, null, null, null,
                        null, null),
                null, null, null, null, delay, List.of());
    }

    @Test
    void times_and_the_eta_are_local_to_the_destination_across_the_date_line() {
        // GIVEN the same ETA and checkpoint, evening of Dec 3 in Los Angeles, afternoon of Dec 4 in Auckland
        Instant eta = Instant.parse("2025-12-04T03:00:00Z");
        List<TimelineEntry> scan = List.of(new TimelineEntry("scan", eta, TimelineEntry.Kind.CHECKPOINT, null,
                ShipmentStatus.IN_TRANSIT, "Hub", "Arrived", "ups"));
        Address losAngeles = new Address("A", "1 Main St", null, "Los Angeles", "CA", "90012", "US", null);
        Address auckland = new Address("A", "1 Queen St", null, "Auckland", null, "1010", "NZ", null);

        // WHEN each buyer opens the page
        String la = TrackingPage.render(shippedTo(losAngeles, eta, null), scan);
        String nz = TrackingPage.render(shippedTo(auckland, eta, null), scan);

        // THEN each reads their own calendar date and clock, with the zone named
        assertThat(la).contains("Estimated delivery <strong>Wednesday 3 December 2025</strong>")
                .contains(">Wed 3 Dec 2025, 19:00 PST</time>")
                .contains("Times are local to Los Angeles, US (Pacific Time).");
        assertThat(nz).contains("Estimated delivery <strong>Thursday 4 December 2025</strong>")
                .contains(">Thu 4 Dec 2025, 16:00 NZDT</time>")
                .contains("Times are local to Auckland, NZ (New Zealand Time).");
    }

    @Test
    void an_eta_after_the_us_fall_back_is_the_local_date_and_times_name_pdt_or_pst() {
        // 2026-11-01T07:30Z is 00:30 PDT on Sunday; 09:30Z is 01:30 PST, after the clocks went back
        Address losAngeles = new Address("A", "1 Main St", null, "Los Angeles", "CA", "90012", "US", null);
        List<TimelineEntry> scans = List.of(
                new TimelineEntry("a", Instant.parse("2026-11-01T08:30:00Z"), TimelineEntry.Kind.CHECKPOINT, null,
                        ShipmentStatus.IN_TRANSIT, null, "First 01:30", "ups"),
                new TimelineEntry("b", Instant.parse("2026-11-01T09:30:00Z"), TimelineEntry.Kind.CHECKPOINT, null,
                        ShipmentStatus.IN_TRANSIT, null, "Second 01:30", "ups"));

        String page = TrackingPage.render(shippedTo(losAngeles, Instant.parse("2026-11-01T07:30:00Z"), null), scans);

        assertThat(page).contains("Estimated delivery <strong>Sunday 1 November 2026</strong>")
                .contains(">Sun 1 Nov 2026, 01:30 PDT</time>", ">Sun 1 Nov 2026, 01:30 PST</time>");
    }

    @Test
    void an_unknown_destination_zone_is_utc_and_the_page_says_so() {
        Address unknown = new Address("A", "1 St", null, "Atlantis", null, null, "XX", null);

        String page = TrackingPage.render(shippedTo(unknown, ETA, null), timeline());

        assertThat(page).contains("Estimated delivery <strong>Wednesday 25 November 2026 (UTC)</strong>")
                .contains(">Fri 20 Nov 2026, 11:00 UTC</time>")
                .contains("Times are in UTC: we could not tell the time zone of the delivery address.");
    }

    @Test
    void the_progress_indicator_marks_done_current_and_coming_steps() {
        String page = TrackingPage.render(inTransit(null), timeline());

        assertThat(page).contains("<ol class=\"progress\" aria-label=\"Progress\">")
                .contains("<li class=\"done\"><span class=\"step\">Ordered</span>"
                        + "<span class=\"visually-hidden\"> (done)</span></li>")
                .contains("<li class=\"done\"><span class=\"step\">Shipped</span>"
                        + "<span class=\"visually-hidden\"> (done)</span></li>")
                .contains("<li class=\"current\" aria-current=\"step\"><span class=\"step\">On its way</span></li>")
                .contains("<li class=\"todo\"><span class=\"step\">Delivered</span></li>");
        assertThat(page.split("aria-current=", -1)).hasSize(2);
    }

    @Test
    void a_cancelled_order_has_no_progress_indicator() {
        Order order = inTransit(null);
        Order cancelled = new Order(order.orderId(), order.sellerId(), order.buyer(), order.items(),
                order.shippingAddress(), order.currency(), null, order.totals(), OrderStatus.CANCELLED, 3, PLACED,
                PLACED, null, null, null, null, null, null, List.of());

        assertThat(TrackingPage.render(cancelled, List.of())).contains("<h2 id=\"status\">Cancelled</h2>")
                .doesNotContain("class=\"progress\"");
    }

    @Test
    void a_delay_in_the_history_is_marked_as_a_delay_not_as_the_latest_good_news() {
        Delay delay = new Delay(Delay.Reason.NO_CARRIER_UPDATE, ETA, null);
        List<TimelineEntry> withDelay = new java.util.ArrayList<>(timeline());
        withDelay.add(new TimelineEntry("delay", ETA, TimelineEntry.Kind.DELAY, null, null, null, "late", "system"));

        String page = TrackingPage.render(inTransit(delay), withDelay);

        assertThat(page).contains("<li class=\"delay\"><time datetime=\"2026-11-25T18:00:00Z\">")
                .doesNotContain("class=\"latest\"");
        assertThat(TrackingPage.render(inTransit(null), timeline())).contains("<li class=\"latest\">");
    }

    @Test
    void the_tracking_number_never_breaks_mid_string() {
        assertThat(TrackingPage.STYLE).contains(
                ".tracking-number{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,\"DejaVu Sans Mono\","
                        + "monospace;font-size:clamp(.6875rem,3.7vw,.9375rem);font-weight:600;white-space:nowrap;overflow-wrap:normal;"
                        + "overflow-x:auto}");
    }

    @Test
    void headings_start_with_one_h1_and_never_skip_a_level() {
        String page = TrackingPage.render(inTransit(new Delay(Delay.Reason.NO_CARRIER_UPDATE, ETA, null)), timeline());

        java.util.regex.Matcher headings = java.util.regex.Pattern.compile("<h([1-6])[ >]").matcher(page);
        List<Integer> levels = new java.util.ArrayList<>();
        while (headings.find()) {
            levels.add(Integer.parseInt(headings.group(1)));
        }
        assertThat(levels).containsExactly(1, 2, 2, 2, 2);
        assertThat(page).contains("<html lang=\"en\">").doesNotContain("<img", "<script");
    }

    @Test
    void every_colour_pair_meets_wcag_aa_contrast() {
        for (TrackingPage.Contrast pair : TrackingPage.CONTRASTS) {
            assertThat(contrast(pair.foreground(), pair.background())).as(pair.where() + " " + pair.foreground()
                    + " on " + pair.background()).isGreaterThanOrEqualTo(pair.minimum());
        }
        // A known reference value, so the formula itself is checked: black on white is 21:1, #767676 on white 4.54:1.
        assertThat(contrast("#000000", "#ffffff")).isEqualTo(21.0);
        assertThat(contrast("#767676", "#ffffff")).isBetween(4.53, 4.55);
    }

    @Test
    void every_colour_in_the_stylesheet_is_in_a_checked_pair() {
        java.util.Set<String> checked = new java.util.HashSet<>();
        TrackingPage.CONTRASTS.forEach(pair -> {
            checked.add(pair.foreground());
            checked.add(pair.background());
        });
        java.util.regex.Matcher colours = java.util.regex.Pattern.compile("#[0-9a-fA-F]{3,8}\\b").matcher(TrackingPage.STYLE);
        int found = 0;
        while (colours.find()) {
            found++;
            assertThat(checked).as("colour " + colours.group() + " has no contrast check").contains(colours.group());
        }
        assertThat(found).isGreaterThan(10);
        assertThat(TrackingPage.STYLE).doesNotContainPattern("rgb\\(|hsl\\(|[^-]\\b(red|green|orange|yellow|black|gray|grey)\\b");
    }

    /** WCAG 2.x contrast ratio of two #rrggbb colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            rgb[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }

    @Test
    void the_not_found_page_is_html_and_says_nothing_about_why() {
        assertThat(TrackingPage.notFound()).startsWith("<!doctype html>").contains("Tracking link not found")
                .doesNotContain("ord_");
    }
}

package com.ordertracking.systemtests.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderIds;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.domain.tracking.TrackingLinks;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.InProcessApi;
import com.ordertracking.systemtests.driver.Seller;
import com.ordertracking.systemtests.driver.StoredOrders;
import com.ordertracking.systemtests.driver.TestData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A seller's order on the public tracking page: the page handler as Lambda runs it against the embedded stack. */
@ExtendWith(LocalCloudExtension.class)
class TrackingPageIT {
    /** The links the notifier sends, with the template's default parameters (as the embedded stack applies them). */
    private static final TrackingLinks LINKS = new TrackingLinks("http://localhost:3000", "local-tracking-link-secret");

    private final InProcessApi api;
    private final StoredOrders stored;
    private final Seller seller;
    private final String sellerId = "seller-" + UUID.randomUUID();
    private final String buyerId = "buyer-" + UUID.randomUUID();

    TrackingPageIT(LocalCloud cloud) {
        this.api = new InProcessApi(cloud);
        this.stored = new StoredOrders(cloud);
        this.seller = new Seller(api, sellerId);
    }

    @Test
    void a_genuine_link_shows_the_parcel_and_its_timeline_newest_first_without_personal_data() {
        // GIVEN a shipped order with a carrier checkpoint and a delay
        String orderId = seller.createOrder(buyerId);
        seller.processAndShip(orderId, TestData.trackingNumber(), Instant.now().plus(3, ChronoUnit.DAYS));
        Order shipped = stored.find(orderId);
        Instant scan = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Shipment s = shipped.shipment();
        Order moving = shipped.withShipmentAndStatus(new Shipment(s.carrier(), s.trackingNumber(),
                ShipmentStatus.IN_TRANSIT, s.estimatedDelivery(), s.shippedAt(), scan, null, null, null, null),
                OrderStatus.IN_TRANSIT, scan);
        stored.repository().update(moving, List.of(new TimelineEntry("ups-" + UUID.randomUUID(), scan,
                TimelineEntry.Kind.CHECKPOINT, null, ShipmentStatus.IN_TRANSIT, "Oakland, CA",
                "Departed facility", "ups")));
        Order late = moving.withDelay(new Delay(Delay.Reason.NO_CARRIER_UPDATE, scan, null), scan);
        stored.repository().update(late, List.of());

        // WHEN the page is opened with the link's token
        ApiResponse response = api.get(null, "/track/" + LINKS.token(orderId));

        // THEN it is an HTML page with the tracking number, the delay and the timeline, newest first
        assertThat(response.status()).isEqualTo(200);
        assertSecurityHeaders(response.headers());
        String html = response.body();
        assertThat(html).contains("<dt>Tracking number</dt><dd class=\"tracking-number\">" + s.trackingNumber() + "</dd>")
                .contains("<dt>Carrier</dt><dd>UPS</dd>")
                .contains("<h2 id=\"status\">On its way</h2>")
                .contains("<h2 id=\"late\">Running late</h2>")
                .contains("<dt>Shipping to</dt><dd>San Francisco, US</dd>")
                // times in the destination's zone (San Francisco), not UTC
                .containsPattern(", \\d\\d:\\d\\d P[SD]T</time>")
                .contains("Times are local to San Francisco, US (Pacific Time).")
                .doesNotContain(" UTC</time>");
        int checkpoint = html.indexOf("<strong>In transit</strong> <span class=\"where\">· Oakland, CA</span><p>Departed facility</p>");
        int shippedEntry = html.indexOf("<strong>Shipped</strong>");
        int placed = html.indexOf("<strong>Order placed</strong>");
        assertThat(checkpoint).isPositive();
        assertThat(shippedEntry).isGreaterThan(checkpoint);
        assertThat(placed).isGreaterThan(shippedEntry);
        // AND nothing beyond a parcel label: the sample order's buyer, street, postcode, items and prices are absent
        assertThat(html).doesNotContain("Ana", "Souza", "ana@example.com", "+14155550123", "500 Market", "Apt 4",
                "94105", buyerId, sellerId, "Ceramic mug", "12.50", "19.99", "4.99", "USD");
    }

    @Test
    void a_tampered_token_is_a_404_page() {
        // GIVEN a genuine token for an existing order, with one character of its MAC changed
        String orderId = seller.createOrder(buyerId);
        String token = LINKS.token(orderId);
        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        // WHEN the page is opened with it
        ApiResponse response = api.get(null, "/track/" + tampered);

        // THEN the same HTML 404 as for any unknown link
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo(api.get(null, "/track/not-a-token").body()).contains("Tracking link not found");
        assertSecurityHeaders(response.headers());
    }

    @Test
    void a_token_signed_with_another_secret_is_a_404_page() {
        String orderId = seller.createOrder(buyerId);
        String foreign = new TrackingLinks("http://localhost:3000", "some-other-secret-0123").token(orderId);

        ApiResponse response = api.get(null, "/track/" + foreign);

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void a_genuine_token_for_an_order_that_does_not_exist_is_a_404_page() {
        // GIVEN a correctly signed token for an order id nobody created
        String token = LINKS.token(OrderIds.next());

        ApiResponse response = api.get(null, "/track/" + token);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers()).containsEntry("content-type", "text/html; charset=utf-8");
    }

    /** The headers every tracking page answer carries (as the handler's unit test checks them). */
    private static void assertSecurityHeaders(Map<String, String> headers) {
        assertThat(headers)
                .containsEntry("content-type", "text/html; charset=utf-8")
                .containsEntry("cache-control", "no-store")
                .containsEntry("x-content-type-options", "nosniff")
                .containsEntry("referrer-policy", "no-referrer")
                .containsEntry("x-robots-tag", "noindex, nofollow");
        assertThat(headers.get("content-security-policy")).startsWith("default-src 'none'; style-src 'unsafe-inline'")
                .contains("frame-ancestors 'none'").doesNotContain("script-src");
    }
}

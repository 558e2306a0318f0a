package com.ordertracking.systemtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.HttpApi;
import com.ordertracking.systemtests.driver.LocalRuntimeExtension;
import com.ordertracking.systemtests.driver.Seller;
import com.ordertracking.systemtests.driver.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public tracking page over HTTP: the seller ships, the buyer's "shipped" SMS carries the link, and
 * opening it without any credentials shows the parcel; a garbage token is a 404 page.
 */
@ExtendWith(LocalRuntimeExtension.class)
class TrackingPageEndToEndIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern LINK = Pattern.compile("/track/([A-Za-z0-9_~-]+)");

    private final HttpApi client;
    private final String sellerId = "seller-" + UUID.randomUUID();
    private final String buyerId = "buyer-" + UUID.randomUUID();
    private final String phone = TestData.phone();
    private final String trackingNumber = TestData.trackingNumber();

    TrackingPageEndToEndIT(HttpApi client) {
        this.client = client;
    }

    @Test
    void the_link_in_the_shipped_sms_opens_the_tracking_page_without_login() {
        // GIVEN a buyer on SMS whose order the seller ships
        assertThat(client.send("PUT", "/me/notification-preferences", client.token("buyer", buyerId),
                Json.write(Map.of("phone", phone, "channels", Map.of("sms", true, "email", false))), Map.of())
                .status()).isEqualTo(200);
        String orderId = shipNewOrder();

        // WHEN the buyer's "shipped" SMS arrives and its link is opened with no Authorization header
        await().atMost(WAIT).until(() -> shippedSms() != null);
        Matcher link = LINK.matcher(shippedSms());
        assertThat(link.find()).as(shippedSms()).isTrue();
        ApiResponse page = client.send("GET", "/track/" + link.group(1), null, null, Map.of());

        // THEN it is the order's HTML page with the tracking number, under the security headers
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(link.group(1)).startsWith(orderId + "~");
        assertThat(page.header("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.header("cache-control")).isEqualTo("no-store");
        assertThat(page.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(page.header("referrer-policy")).isEqualTo("no-referrer");
        assertThat(page.header("x-robots-tag")).contains("noindex");
        assertThat(page.header("content-security-policy")).startsWith("default-src 'none'");
        assertThat(page.body()).contains("<dt>Tracking number</dt><dd class=\"tracking-number\">" + trackingNumber + "</dd>")
                .contains("<strong>Shipped</strong>")
                .doesNotContain(phone, "Ana", "500 Market St", "12.50");
    }

    @Test
    void a_garbage_or_tampered_token_is_a_404_page() {
        String orderId = shipNewOrder();

        ApiResponse garbage = client.send("GET", "/track/not-a-token", null, null, Map.of());
        ApiResponse forged = client.send("GET", "/track/" + orderId + "~AAAAAAAAAAAAAAAA", null, null,
                Map.of());

        for (ApiResponse response : List.of(garbage, forged)) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.header("content-type")).isEqualTo("text/html; charset=utf-8");
            assertThat(response.body()).contains("Tracking link not found").doesNotContain(orderId);
        }
    }

    // ------------------------------------------------------------------ helpers

    private String shippedSms() {
        return client.outbox(phone, trackingNumber).stream().map(m -> m.path("message").asText()).findFirst().orElse(null);
    }

    private String shipNewOrder() {
        return new Seller(client, sellerId).shipNewOrder(TestData.orderBody(buyerId, phone), trackingNumber,
                Instant.now().plus(Duration.ofDays(3)));
    }
}

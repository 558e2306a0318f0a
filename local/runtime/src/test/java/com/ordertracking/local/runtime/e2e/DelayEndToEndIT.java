package com.ordertracking.local.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.runtime.LocalRuntime;
import com.ordertracking.shared.adapters.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Delays over HTTP through the local runtime: ship with an estimate in the past, run the scheduled
 * monitor, read the flag; later runs change nothing; the seller compensates and lists delayed orders.
 */
class DelayEndToEndIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static LocalRuntime runtime;
    private static HttpClientSupport client;

    @BeforeAll
    static void startRuntime() {
        runtime = LocalRuntime.start(new LocalRuntime.Options(LocalCloud.findTemplate(), 0, null));
        client = new HttpClientSupport(runtime.baseUri());
    }

    @AfterAll
    static void stopRuntime() {
        runtime.close();
    }

    private static List<String> kinds(JsonNode events) {
        List<String> kinds = new ArrayList<>();
        (events.has("items") ? events.get("items") : events).forEach(e -> kinds.add(e.get("kind").asText()));
        return kinds;
    }

    @Test
    void a_shipment_three_hours_past_its_estimate_is_flagged_once_by_the_scheduled_monitor() {
        // GIVEN an order shipped with an estimate three hours in the past
        String sellerId = "seller-" + UUID.randomUUID();
        String token = client.token("seller", sellerId);
        HttpClientSupport.Response created = client.send("POST", "/orders", token,
                OrderApiEndToEndIT.order("buyer-" + UUID.randomUUID()), Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String orderId = created.json().get("orderId").asText();
        assertThat(client.send("POST", "/orders/" + orderId + "/process", token, null, Map.of()).status()).isEqualTo(200);
        Instant eta = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        HttpClientSupport.Response shipped = client.send("POST", "/orders/" + orderId + "/ship", token,
                "{\"carrier\":\"ups\",\"trackingNumber\":\"1Z" + UUID.randomUUID().toString().substring(0, 12)
                        + "\",\"estimatedDelivery\":\"" + eta + "\"}", Map.of());
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);

        // WHEN the delay monitor runs
        HttpClientSupport.Response run = client.send("POST", "/_local/invoke/DelayMonitorFunction", null, null, Map.of());
        assertThat(run.status()).as(run.body()).isEqualTo(200);

        // THEN the order reads with a delay and a DELAY timeline entry
        HttpClientSupport.Response read = client.send("GET", "/orders/" + orderId, token, null, Map.of());
        JsonNode delay = read.json().get("delay");
        assertThat(delay.get("reason").asText()).isEqualTo("PAST_ESTIMATED_DELIVERY");
        String version = read.header("ETag");
        List<String> kinds = kinds(client.send("GET", "/orders/" + orderId + "/events", token, null, Map.of()).json());
        assertThat(kinds).containsOnlyOnce("DELAY");

        // WHEN the monitor runs twice more
        client.send("POST", "/_local/invoke/DelayMonitorFunction", null, null, Map.of());
        client.send("POST", "/_local/invoke/DelayMonitorFunction", null, null, Map.of());

        // THEN nothing changed
        HttpClientSupport.Response again = client.send("GET", "/orders/" + orderId, token, null, Map.of());
        assertThat(again.header("ETag")).isEqualTo(version);
        assertThat(again.json().get("delay")).isEqualTo(delay);
        assertThat(kinds(client.send("GET", "/orders/" + orderId + "/events", token, null, Map.of()).json()))
                .containsOnlyOnce("DELAY");

        // and the seller finds it among its delayed orders and can compensate the buyer
        JsonNode delayed = client.send("GET", "/orders?delayed=true", token, null, Map.of()).json();
        assertThat(delayed.get("items")).extracting(item -> item.get("orderId").asText()).containsExactly(orderId);
        HttpClientSupport.Response coupon = client.send("POST", "/orders/" + orderId + "/compensations", token,
                "{\"type\":\"coupon\",\"percentOff\":10}", Map.of());
        assertThat(coupon.status()).as(coupon.body()).isEqualTo(201);
        assertThat(coupon.json().get("code").asText()).startsWith("SORRY-");
    }

    @Test
    void a_late_parcel_texts_the_buyer_once_alerts_the_seller_once_and_the_coupon_reaches_the_buyer_once() {
        // GIVEN a buyer on SMS, a seller with an alert phone, and the buyer's order shipped three hours past its estimate
        String buyerId = "buyer-" + UUID.randomUUID();
        String sellerId = "seller-" + UUID.randomUUID();
        String phone = randomPhone();
        String sellerPhone = randomPhone();
        HttpClientSupport.Response buyerPrefs = client.send("PUT", "/me/notification-preferences",
                client.token("buyer", buyerId), Json.write(Map.of("email", buyerId + "@example.com", "phone", phone,
                        "channels", Map.of("sms", true, "email", false))), Map.of());
        assertThat(buyerPrefs.status()).as(buyerPrefs.body()).isEqualTo(200);
        String seller = client.token("seller", sellerId);
        HttpClientSupport.Response sellerPrefs = client.send("PUT", "/seller/notification-preferences", seller,
                Json.write(Map.of("phone", sellerPhone, "alerts", List.of("DELAY"))), Map.of());
        assertThat(sellerPrefs.status()).as(sellerPrefs.body()).isEqualTo(200);
        HttpClientSupport.Response created = client.send("POST", "/orders", seller, OrderApiEndToEndIT.order(buyerId),
                Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String orderId = created.json().get("orderId").asText();
        assertThat(client.send("POST", "/orders/" + orderId + "/process", seller, null, Map.of()).status()).isEqualTo(200);
        String trackingNumber = "1Z" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        Instant eta = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        HttpClientSupport.Response shipped = client.send("POST", "/orders/" + orderId + "/ship", seller,
                Json.write(Map.of("carrier", "ups", "trackingNumber", trackingNumber, "estimatedDelivery", eta.toString())),
                Map.of());
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        // the shipped SMS proves the pipeline carries this buyer's events before the monitor runs
        await().atMost(WAIT).until(() -> sms(phone, trackingNumber).size() == 1);
        assertThat(sms(phone, "running late")).isEmpty();

        // WHEN the delay monitor runs
        HttpClientSupport.Response run = client.send("POST", "/_local/invoke/DelayMonitorFunction", null, null, Map.of());
        assertThat(run.status()).as(run.body()).isEqualTo(200);

        // THEN the order reads with a delay, the buyer gets one apology SMS and the seller one delay alert
        JsonNode delay = client.send("GET", "/orders/" + orderId, seller, null, Map.of()).json().get("delay");
        assertThat(delay).isNotNull();
        assertThat(delay.get("reason").asText()).isEqualTo("PAST_ESTIMATED_DELIVERY");
        await().atMost(WAIT).until(() -> sms(phone, "running late").size() == 1
                && sms(sellerPhone, "Delay: order " + orderId).size() == 1);
        assertThat(sms(phone, "running late").getFirst().get("message").asText()).startsWith("Sorry");

        // WHEN the monitor runs twice more
        for (int i = 0; i < 2; i++) {
            assertThat(client.send("POST", "/_local/invoke/DelayMonitorFunction", null, null, Map.of()).status())
                    .isEqualTo(200);
        }

        // THEN nobody hears anything new
        int buyerTotal = sms(phone, "").size();
        int sellerTotal = sms(sellerPhone, "").size();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> sms(phone, "").size() == buyerTotal && sms(sellerPhone, "").size() == sellerTotal);
        assertThat(sms(phone, "running late")).hasSize(1);
        assertThat(sms(sellerPhone, "Delay: order " + orderId)).hasSize(1);

        // WHEN the seller offers a coupon
        HttpClientSupport.Response coupon = client.send("POST", "/orders/" + orderId + "/compensations", seller,
                "{\"type\":\"coupon\",\"percentOff\":15}", Map.of());
        assertThat(coupon.status()).as(coupon.body()).isEqualTo(201);
        String code = coupon.json().get("code").asText();

        // THEN the buyer gets exactly one SMS naming the code and the discount; the seller is not alerted
        await().atMost(WAIT).until(() -> sms(phone, code).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> sms(phone, code).size() == 1
                && sms(phone, "").size() == buyerTotal + 1);
        assertThat(sms(phone, code).getFirst().get("message").asText()).contains("15% off")
                .hasSizeLessThanOrEqualTo(160);
        assertThat(sms(sellerPhone, "")).hasSize(sellerTotal);
    }

    /** SMS in {@code /_local/outbox} to {@code phone} whose text contains {@code text}. */
    private static List<JsonNode> sms(String phone, String text) {
        JsonNode all = client.send("GET", "/_local/outbox?endpoint=" + URLEncoder.encode(phone, StandardCharsets.UTF_8),
                null, null, Map.of()).json().get("messages");
        List<JsonNode> out = new ArrayList<>();
        all.forEach(m -> {
            if ("sms".equals(m.path("protocol").asText()) && m.path("message").asText().contains(text)) {
                out.add(m);
            }
        });
        return out;
    }

    private static String randomPhone() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "+1" + random.nextInt(2, 10) + String.format("%09d", random.nextInt(1_000_000_000));
    }
}

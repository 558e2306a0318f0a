package com.ordertracking.systemtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.runtime.LocalRuntime;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.HttpApi;
import com.ordertracking.systemtests.driver.Seller;
import com.ordertracking.systemtests.driver.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    private static HttpApi client;

    @BeforeAll
    static void startRuntime() {
        runtime = LocalRuntime.start(new LocalRuntime.Options(LocalCloud.findTemplate(), 0, null));
        client = new HttpApi(runtime.baseUri());
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
        Instant eta = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        String orderId = new Seller(client, sellerId).shipNewOrder(TestData.orderBody("buyer-" + UUID.randomUUID()),
                "1Z" + UUID.randomUUID().toString().substring(0, 12), eta);

        // WHEN the delay monitor runs
        ApiResponse run = client.invokeScheduled("DelayMonitorFunction");
        assertThat(run.status()).as(run.body()).isEqualTo(200);

        // THEN the order reads with a delay and a DELAY timeline entry
        ApiResponse read = client.send("GET", "/orders/" + orderId, token, null, Map.of());
        JsonNode delay = read.json().get("delay");
        assertThat(delay.get("reason").asText()).isEqualTo("PAST_ESTIMATED_DELIVERY");
        String version = read.header("ETag");
        List<String> kinds = kinds(client.send("GET", "/orders/" + orderId + "/events", token, null, Map.of()).json());
        assertThat(kinds).containsOnlyOnce("DELAY");

        // WHEN the monitor runs twice more
        client.invokeScheduled("DelayMonitorFunction");
        client.invokeScheduled("DelayMonitorFunction");

        // THEN nothing changed
        ApiResponse again = client.send("GET", "/orders/" + orderId, token, null, Map.of());
        assertThat(again.header("ETag")).isEqualTo(version);
        assertThat(again.json().get("delay")).isEqualTo(delay);
        assertThat(kinds(client.send("GET", "/orders/" + orderId + "/events", token, null, Map.of()).json()))
                .containsOnlyOnce("DELAY");

        // and the seller finds it among its delayed orders and can compensate the buyer
        JsonNode delayed = client.send("GET", "/orders?delayed=true", token, null, Map.of()).json();
        assertThat(delayed.get("items")).extracting(item -> item.get("orderId").asText()).containsExactly(orderId);
        ApiResponse coupon = client.send("POST", "/orders/" + orderId + "/compensations", token,
                "{\"type\":\"coupon\",\"percentOff\":10}", Map.of());
        assertThat(coupon.status()).as(coupon.body()).isEqualTo(201);
        assertThat(coupon.json().get("code").asText()).startsWith("SORRY-");
    }

    @Test
    void a_late_parcel_texts_the_buyer_once_alerts_the_seller_once_and_the_coupon_reaches_the_buyer_once() {
        // GIVEN a buyer on SMS, a seller with an alert phone, and the buyer's order shipped three hours past its estimate
        String buyerId = "buyer-" + UUID.randomUUID();
        String sellerId = "seller-" + UUID.randomUUID();
        String phone = TestData.phone();
        String sellerPhone = TestData.phone();
        ApiResponse buyerPrefs = client.send("PUT", "/me/notification-preferences",
                client.token("buyer", buyerId), Json.write(Map.of("email", buyerId + "@example.com", "phone", phone,
                        "channels", Map.of("sms", true, "email", false))), Map.of());
        assertThat(buyerPrefs.status()).as(buyerPrefs.body()).isEqualTo(200);
        String seller = client.token("seller", sellerId);
        ApiResponse sellerPrefs = client.send("PUT", "/seller/notification-preferences", seller,
                Json.write(Map.of("phone", sellerPhone, "alerts", List.of("DELAY"))), Map.of());
        assertThat(sellerPrefs.status()).as(sellerPrefs.body()).isEqualTo(200);
        String trackingNumber = TestData.trackingNumber();
        Instant eta = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        String orderId = new Seller(client, sellerId).shipNewOrder(TestData.orderBody(buyerId), trackingNumber, eta);
        // the shipped SMS proves the pipeline carries this buyer's events before the monitor runs
        await().atMost(WAIT).until(() -> sms(phone, trackingNumber).size() == 1);
        assertThat(sms(phone, "running late")).isEmpty();

        // WHEN the delay monitor runs
        ApiResponse run = client.invokeScheduled("DelayMonitorFunction");
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
            assertThat(client.invokeScheduled("DelayMonitorFunction").status())
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
        ApiResponse coupon = client.send("POST", "/orders/" + orderId + "/compensations", seller,
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
        return client.outbox(phone, text).stream().filter(m -> "sms".equals(m.path("protocol").asText())).toList();
    }

}

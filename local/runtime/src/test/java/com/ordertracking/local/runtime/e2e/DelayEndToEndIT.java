package com.ordertracking.local.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.runtime.LocalRuntime;
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
}

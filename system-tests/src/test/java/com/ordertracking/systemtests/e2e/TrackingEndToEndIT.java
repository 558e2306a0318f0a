package com.ordertracking.systemtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.HttpApi;
import com.ordertracking.systemtests.driver.LocalRuntimeExtension;
import com.ordertracking.systemtests.driver.TestData;
import com.ordertracking.systemtests.driver.Webhooks;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seller → carrier → order, entirely over HTTP against the local runtime: process and ship, signed
 * carrier webhooks through the real queue and tracking processor, duplicates and late events.
 */
@ExtendWith(LocalRuntimeExtension.class)
class TrackingEndToEndIT {
    private final HttpApi client;
    private final Webhooks carriers;

    private final String sellerId = "seller-" + UUID.randomUUID();
    private final String trackingNumber = TestData.trackingNumber();
    private String token;

    TrackingEndToEndIT(HttpApi client) {
        this.client = client;
        this.carriers = new Webhooks(client);
    }

    @Test
    void carrier_updates_drive_the_order_to_delivered_once_and_never_backwards() {
        // GIVEN a processed and shipped order
        String orderId = shippedOrder();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        // WHEN the carrier posts IN_TRANSIT, then DELIVERED
        assertThat(postCarrier(Webhooks.carrierEventJson("evt-1-" + trackingNumber, trackingNumber, "IN_TRANSIT", t0.minusSeconds(3600))).status())
                .isEqualTo(202);
        String delivered = Webhooks.carrierEventJson("evt-2-" + trackingNumber, trackingNumber, "DELIVERED", t0.minusSeconds(60));
        assertThat(postCarrier(delivered).status()).isEqualTo(202);

        // THEN the order reads DELIVERED within seconds
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(order(orderId).get("status").asText()).isEqualTo("DELIVERED"));

        // WHEN the same DELIVERED event comes again, and a late, older IN_TRANSIT arrives afterwards
        assertThat(postCarrier(delivered).status()).isEqualTo(202);
        assertThat(postCarrier(Webhooks.carrierEventJson("evt-0-" + trackingNumber, trackingNumber, "IN_TRANSIT", t0.minusSeconds(7200))).status())
                .isEqualTo(202);

        // THEN the late event lands in the timeline as a checkpoint, the duplicate does not, and the order stays DELIVERED
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(checkpoints(orderId)).contains("ups:evt-0-" + trackingNumber));
        assertThat(checkpoints(orderId)).containsOnlyOnce("ups:evt-2-" + trackingNumber);
        assertThat(order(orderId).get("status").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void bad_signatures_stale_timestamps_and_malformed_bodies_are_refused() {
        String body = Webhooks.carrierEventJson("evt-x-" + trackingNumber, trackingNumber, "IN_TRANSIT", Instant.now());

        ApiResponse wrongSecret = carriers.carrier("ups", body, "not-the-secret-at-all", Instant.now());
        ApiResponse stale = carriers.carrier("ups", body, Webhooks.LOCAL_SECRET, Instant.now().minus(Duration.ofMinutes(15)));
        String malformed = "{\"eventId\": \"e\", \"trackingNumber\": ";
        ApiResponse badBody = carriers.carrier("ups", malformed);
        ApiResponse unknownCarrier = carriers.carrier("pigeonpost", body);

        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(badBody.status()).isEqualTo(400);
        assertThat(unknownCarrier.status()).isEqualTo(404);
        assertThat(List.of(wrongSecret, stale, badBody, unknownCarrier))
                .allSatisfy(r -> assertThat(r.header("content-type")).isEqualTo("application/problem+json"));
    }

    @Test
    void a_shipped_order_keeps_its_tracking_number() {
        // GIVEN a shipped order
        String orderId = shippedOrder();

        // WHEN the seller ships it again with another number
        ApiResponse reship = client.send("POST", "/orders/" + orderId + "/ship", token,
                "{\"carrier\":\"ups\",\"trackingNumber\":\"" + trackingNumber + "X\"}", Map.of());

        // THEN it is refused and the original number stays
        assertThat(reship.status()).isEqualTo(409);
        assertThat(reship.json().get("type").asText()).isEqualTo("/problems/order-already-shipped");
        assertThat(order(orderId).at("/shipment/trackingNumber").asText()).isEqualTo(trackingNumber);
    }

    @Test
    void ids_that_cannot_exist_are_404_without_touching_the_database() {
        token = client.token("seller", sellerId);
        String overlong = "a".repeat(3000);

        assertThat(client.send("GET", "/orders/" + overlong, token, null, Map.of()).status()).isEqualTo(404);
        assertThat(client.send("GET", "/orders/" + overlong + "/events", token, null, Map.of()).status()).isEqualTo(404);
        assertThat(client.send("POST", "/orders/" + overlong + "/process", token, null, Map.of()).status()).isEqualTo(404);
    }

    private String shippedOrder() {
        token = client.token("seller", sellerId);
        String orderId = client.send("POST", "/orders", token, TestData.orderBody("buyer-" + UUID.randomUUID()), Map.of())
                .json().get("orderId").asText();
        assertThat(client.send("POST", "/orders/" + orderId + "/process", token, null, Map.of()).status()).isEqualTo(200);
        ApiResponse shipped = client.send("POST", "/orders/" + orderId + "/ship", token,
                "{\"carrier\":\"ups\",\"trackingNumber\":\"" + trackingNumber + "\"}", Map.of());
        assertThat(shipped.status()).isEqualTo(200);
        assertThat(shipped.json().get("status").asText()).isEqualTo("SHIPPED");
        return orderId;
    }

    private ApiResponse postCarrier(String body) {
        return carriers.carrier("ups", body);
    }

    private JsonNode order(String orderId) {
        return client.send("GET", "/orders/" + orderId, token, null, Map.of()).json();
    }

    private List<String> checkpoints(String orderId) {
        JsonNode events = client.send("GET", "/orders/" + orderId + "/events", token, null, Map.of()).json();
        List<String> ids = new ArrayList<>();
        events.get("items").forEach(e -> {
            if ("CHECKPOINT".equals(e.path("kind").asText())) {
                ids.add(e.path("entryId").asText());
            }
        });
        return ids;
    }
}

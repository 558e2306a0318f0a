package com.ordertracking.systemtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.HttpApi;
import com.ordertracking.systemtests.driver.LocalRuntimeExtension;
import com.ordertracking.systemtests.driver.TestData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seller webhooks over HTTP against the local runtime: receivers on loopback ports register, get signed order
 * events (checked with the Standard Webhooks reference library), survive failures, replays and secret rotation,
 * and never see or touch another seller's webhooks. The runtime's retry schedule is 1 s per retry
 * ({@link LocalRuntimeExtension#PARAMETERS}).
 */
@ExtendWith(LocalRuntimeExtension.class)
class SellerWebhooksEndToEndIT {
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private final HttpApi client;
    private final String sellerId = "seller-" + UUID.randomUUID();
    private final String buyerId = "buyer-" + UUID.randomUUID();
    private final String seller;

    SellerWebhooksEndToEndIT(HttpApi client) {
        this.client = client;
        this.seller = client.token("seller", sellerId);
    }

    @Test
    void a_registered_receiver_gets_created_and_shipped_events_signed_by_the_standard() {
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            // GIVEN a receiver subscribed to creations and status changes
            JsonNode webhook = register(seller, receiver.url(), "[\"order.created\",\"order.status_changed\"]");
            String secret = webhook.get("secret").asText();
            assertThat(secret).startsWith("whsec_");

            // WHEN an order is created, processed and shipped
            String orderId = createOrder(seller);
            post(seller, "/orders/" + orderId + "/process", null);
            post(seller, "/orders/" + orderId + "/ship", "{\"carrier\":\"ups\",\"trackingNumber\":\"" + tracking() + "\"}");

            // THEN it receives order.created and the SHIPPED status change, each verified by the library
            await().atMost(DELIVERY).until(() -> !shipped(receiver, orderId).isEmpty()
                    && !receiver.received(orderId, "order.created").isEmpty());
            WebhookReceiver.Received created = receiver.received(orderId, "order.created").getFirst();
            WebhookReceiver.Received shipped = shipped(receiver, orderId).getFirst();
            assertThat(created.verifiesWith(secret)).isTrue();
            assertThat(shipped.verifiesWith(secret)).isTrue();
            assertThat(created.verifiesWith(otherSecret())).isFalse();
            assertThat(created.header("webhook-id")).startsWith("msg_").isNotEqualTo(shipped.header("webhook-id"));
            assertThat(created.json().get("data").get("order").get("itemCount").asInt()).isPositive();
            assertThat(shipped.json().get("data").get("shipment").get("carrier").asText()).isEqualTo("ups");

            // AND the delivery log shows them delivered at the first attempt
            await().atMost(DELIVERY).until(() -> deliveries(webhook, "DELIVERED").size() >= 3);
            assertThat(deliveries(webhook, "DELIVERED"))
                    .allSatisfy(d -> assertThat(d.get("attempts").asInt()).isEqualTo(1))
                    .allSatisfy(d -> assertThat(d.get("lastStatusCode").asInt()).isEqualTo(200));
            assertThat(deliveries(webhook, "FAILED")).isEmpty();
        }
    }

    @Test
    void a_receiver_that_fails_twice_gets_the_event_again_with_the_same_id_and_it_is_delivered_once() {
        try (WebhookReceiver receiver = WebhookReceiver.failingFirst(2)) {
            JsonNode webhook = register(seller, receiver.url(), "[\"order.created\"]");
            String secret = webhook.get("secret").asText();

            String orderId = createOrder(seller);

            // THEN three attempts arrive, all with one webhook-id (the receiver's dedupe key), all verifiable
            await().atMost(DELIVERY).until(() -> receiver.received(orderId, "order.created").size() >= 3);
            List<WebhookReceiver.Received> attempts = receiver.received(orderId, "order.created");
            assertThat(attempts.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(1);
            assertThat(attempts).allSatisfy(r -> assertThat(r.verifiesWith(secret)).isTrue());
            assertThat(attempts.stream().map(WebhookReceiver.Received::body).distinct()).hasSize(1);

            // AND the log says: delivered at the third attempt
            await().atMost(DELIVERY).until(() -> !deliveries(webhook, "DELIVERED").isEmpty());
            JsonNode delivery = deliveries(webhook, "DELIVERED").getFirst();
            assertThat(delivery.get("deliveryId").asText()).isEqualTo(attempts.getFirst().header("webhook-id"));
            assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
            assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(200);
            assertThat(receiver.received(orderId, "order.created")).hasSize(3);
        }
    }

    @Test
    void a_hanging_receiver_does_not_hold_up_another_sellers_deliveries() {
        String otherSellerId = "seller-" + UUID.randomUUID();
        String otherSeller = client.token("seller", otherSellerId);
        try (WebhookReceiver hanging = WebhookReceiver.hanging(); WebhookReceiver healthy = WebhookReceiver.healthy()) {
            JsonNode stuck = register(seller, hanging.url(), "[\"order.created\"]");
            JsonNode fine = register(otherSeller, healthy.url(), "[\"order.created\"]");

            // GIVEN the hanging receiver holds an attempt open
            String stuckOrder = createOrder(seller);
            await().atMost(DELIVERY).until(() -> !hanging.received(stuckOrder, "order.created").isEmpty());

            // WHEN another seller's order is created
            String fineOrder = createOrder(otherSeller);

            // THEN it is delivered while the hanging attempt has not even ended (its result is not recorded yet)
            await().atMost(DELIVERY).until(() -> !healthy.received(fineOrder, "order.created").isEmpty());
            assertThat(deliveries(stuck, null)).singleElement()
                    .satisfies(d -> assertThat(d.get("attempts").asInt()).isZero());
            assertThat(deliveries(fine, otherSeller, "DELIVERED")).hasSize(1);

            delete(seller, stuck); // no more retries to the hanging receiver
        }
    }

    @Test
    void replay_sends_a_delivered_event_again_with_the_same_id() {
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            JsonNode webhook = register(seller, receiver.url(), "[\"*\"]");
            String orderId = createOrder(seller);
            await().atMost(DELIVERY).until(() -> !deliveries(webhook, "DELIVERED").isEmpty());
            JsonNode delivered = deliveries(webhook, "DELIVERED").getFirst();
            String deliveryId = delivered.get("deliveryId").asText();

            ApiResponse replay = post(seller, path(webhook) + "/deliveries/" + deliveryId + "/retry", null);

            assertThat(replay.status()).isEqualTo(202);
            await().atMost(DELIVERY).until(() -> receiver.received(orderId, "order.created").size() == 2);
            assertThat(receiver.received(orderId, "order.created"))
                    .allSatisfy(r -> assertThat(r.header("webhook-id")).isEqualTo(deliveryId));
            await().atMost(DELIVERY).until(() -> deliveries(webhook, "DELIVERED").getFirst().get("attempts").asInt() == 2);
            assertThat(post(seller, path(webhook) + "/deliveries/msg_00000000000000000000000000/retry", null).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void after_a_rotation_deliveries_verify_with_the_old_and_the_new_secret() {
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            JsonNode webhook = register(seller, receiver.url(), "[\"order.created\"]");
            String oldSecret = webhook.get("secret").asText();

            ApiResponse rotated = post(seller, path(webhook) + "/rotate-secret", null);
            assertThat(rotated.status()).isEqualTo(200);
            String newSecret = rotated.json().get("secret").asText();
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
            assertThat(rotated.json().get("previousSecretExpiresAt").asText()).isNotBlank();

            String orderId = createOrder(seller);
            await().atMost(DELIVERY).until(() -> !receiver.received(orderId, "order.created").isEmpty());
            WebhookReceiver.Received received = receiver.received(orderId, "order.created").getFirst();
            assertThat(received.verifiesWith(newSecret)).isTrue();
            assertThat(received.verifiesWith(oldSecret)).isTrue();
            assertThat(received.header("webhook-signature").split(" ")).hasSize(2);
            assertThat(get(seller, path(webhook)).json().has("secret")).isFalse();
        }
    }

    @Test
    void a_receiver_answering_410_is_disabled() {
        try (WebhookReceiver receiver = WebhookReceiver.gone()) {
            JsonNode webhook = register(seller, receiver.url(), "[\"order.created\"]");
            createOrder(seller);

            await().atMost(DELIVERY).until(() -> get(seller, path(webhook)).json().get("status").asText().equals("DISABLED"));
            assertThat(deliveries(webhook, "FAILED")).singleElement()
                    .satisfies(d -> assertThat(d.get("lastStatusCode").asInt()).isEqualTo(410));
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.0.0.7/hooks", "https://169.254.169.254/latest/meta-data", "http://192.168.1.20/hooks",
            "https://[fd00::1]/hooks", "https://[::ffff:10.0.0.1]/hooks", "ftp://127.0.0.1/hooks", "not a url"})
    void private_and_malformed_urls_are_refused_naming_the_field(String url) {
        ApiResponse response = client.send("POST", "/seller/webhooks", seller,
                "{\"url\":\"" + url + "\",\"events\":[\"*\"]}", Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("content-type")).isEqualTo("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("url");
        assertThat(get(seller, "/seller/webhooks").json().get("items")).isEmpty();
    }

    @Test
    void unknown_event_types_and_missing_fields_are_400() {
        ApiResponse response = client.send("POST", "/seller/webhooks", seller,
                "{\"url\":\"http://127.0.0.1:9/hooks\",\"events\":[\"order.teleported\"],\"colour\":\"red\"}", Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("events", "colour");
        assertThat(fields(client.send("POST", "/seller/webhooks", seller, "{}", Map.of()))).contains("url", "events");
    }

    @Test
    void another_seller_can_neither_see_nor_touch_the_webhook() {
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            JsonNode webhook = register(seller, receiver.url(), "[\"*\"]");
            String intruder = client.token("seller", "seller-" + UUID.randomUUID());

            assertThat(get(intruder, "/seller/webhooks").json().get("items")).isEmpty();
            assertThat(get(intruder, path(webhook)).status()).isEqualTo(404);
            assertThat(get(intruder, path(webhook) + "/deliveries").status()).isEqualTo(404);
            assertThat(post(intruder, path(webhook) + "/rotate-secret", null).status()).isEqualTo(404);
            assertThat(client.send("DELETE", path(webhook), intruder, null, Map.of()).status()).isEqualTo(404);
            assertThat(get(client.token("buyer", buyerId), path(webhook)).status()).isEqualTo(403);

            // The owner still has it, unchanged, and can delete it
            assertThat(get(seller, path(webhook)).json().get("status").asText()).isEqualTo("ENABLED");
            assertThat(get(seller, "/seller/webhooks").json().get("items")).hasSize(1);
            assertThat(client.send("DELETE", path(webhook), seller, null, Map.of()).status()).isEqualTo(204);
            assertThat(get(seller, path(webhook)).status()).isEqualTo(404);
        }
    }

    private List<WebhookReceiver.Received> shipped(WebhookReceiver receiver, String orderId) {
        return receiver.received(orderId, "order.status_changed").stream()
                .filter(r -> r.json().get("data").get("status").asText().equals("SHIPPED")).toList();
    }

    private JsonNode register(String token, String url, String events) {
        ApiResponse response = client.send("POST", "/seller/webhooks", token,
                "{\"url\":\"" + url + "\",\"events\":" + events + ",\"description\":\"ERP\"}", Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.header("location")).isEqualTo(path(response.json()));
        return response.json();
    }

    private void delete(String token, JsonNode webhook) {
        assertThat(client.send("DELETE", path(webhook), token, null, Map.of()).status()).isEqualTo(204);
    }

    private List<JsonNode> deliveries(JsonNode webhook, String status) {
        return deliveries(webhook, seller, status);
    }

    private List<JsonNode> deliveries(JsonNode webhook, String token, String status) {
        ApiResponse response = get(token, path(webhook) + "/deliveries" + (status == null ? "" : "?status=" + status));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(response.json().get("items").spliterator(), false).toList();
    }

    private String createOrder(String token) {
        ApiResponse response = client.send("POST", "/orders", token, TestData.orderBody(buyerId), Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("orderId").asText();
    }

    private ApiResponse post(String token, String path, String body) {
        return client.send("POST", path, token, body, Map.of());
    }

    private ApiResponse get(String token, String path) {
        return client.send("GET", path, token, null, Map.of());
    }

    private static String path(JsonNode webhook) {
        return "/seller/webhooks/" + webhook.get("webhookId").asText();
    }

    private static Set<String> fields(ApiResponse response) {
        return StreamSupport.stream(response.json().get("errors").spliterator(), false)
                .map(e -> e.get("field").asText()).collect(Collectors.toSet());
    }

    private static String otherSecret() {
        return "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    }

    private static String tracking() {
        return "1Z" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }
}

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
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The seller's and buyer's order lifecycle over HTTP against the local runtime. */
@ExtendWith(LocalRuntimeExtension.class)
class OrderLifecycleEndToEndIT {
    private static final String ADDRESS = "{\"name\":\"Ana Souza\",\"line1\":\"1 New Street\",\"city\":\"Oakland\","
            + "\"region\":\"CA\",\"postalCode\":\"94607\",\"country\":\"US\"}";
    private final HttpApi client;

    private final String sellerId = "seller-" + UUID.randomUUID();
    private final String buyerId = "buyer-" + UUID.randomUUID();
    private final String seller;
    private final String buyer;

    OrderLifecycleEndToEndIT(HttpApi client) {
        this.client = client;
        this.seller = client.token("seller", sellerId);
        this.buyer = client.token("buyer", buyerId);
    }

    @Test
    void seven_orders_list_three_per_page_and_filters_are_exact() {
        // GIVEN seven orders, two of them processed
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(create());
        }
        created.stream().limit(2).forEach(id -> post("/orders/" + id + "/process", null));

        // WHEN the seller pages through 3 at a time
        Set<String> listed = new HashSet<>();
        int pages = 0;
        String cursor = null;
        do {
            JsonNode page = get("/orders?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), seller).json();
            page.get("items").forEach(item -> listed.add(item.get("orderId").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);

        // THEN exactly the seven, over three pages; the status filter is exact; bad parameters are 400
        assertThat(pages).isEqualTo(3);
        assertThat(listed).isEqualTo(created);
        JsonNode processed = get("/orders?status=PROCESSED", seller).json();
        assertThat(processed.get("items")).hasSize(2)
                .allSatisfy(item -> assertThat(item.get("status").asText()).isEqualTo("PROCESSED"));
        assertThat(get("/orders?limit=0", seller).status()).isEqualTo(400);
        assertThat(get("/orders?status=LOST", seller).status()).isEqualTo(400);
    }

    @Test
    void address_changes_and_cancellation_are_only_possible_before_shipping() {
        // GIVEN a pending order and a shipped one
        String pending = create();
        String shipped = create();
        post("/orders/" + shipped + "/process", null);
        post("/orders/" + shipped + "/ship", "{\"carrier\":\"ups\",\"trackingNumber\":\"" + TestData.trackingNumber() + "\"}");

        // THEN the address can change before shipping, not after; cancel likewise
        assertThat(patchAddress(pending).status()).isEqualTo(200);
        assertThat(patchAddress(shipped).status()).isEqualTo(409);
        assertThat(post("/orders/" + shipped + "/cancel", "{\"reason\":\"buyer asked\"}").status()).isEqualTo(409);
        ApiResponse cancelled = post("/orders/" + pending + "/cancel", "{\"reason\":\"out of stock\"}");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(post("/orders/" + pending + "/ship", "{\"carrier\":\"ups\",\"trackingNumber\":\"" + TestData.trackingNumber() + "\"}")
                .status()).isEqualTo(409);
    }

    @Test
    void buyer_sees_own_orders_gives_feedback_after_delivery_and_returns_end_in_one_refund() {
        // GIVEN an order for this buyer, and one for another buyer of the same seller
        String orderId = create();
        String othersOrder = client.send("POST", "/orders", seller, TestData.orderBody("buyer-" + UUID.randomUUID()),
                Map.of()).json().get("orderId").asText();

        // THEN the buyer sees only its own
        JsonNode history = get("/me/orders", buyer).json();
        assertThat(history.get("items")).extracting(item -> item.get("orderId").asText()).containsExactly(orderId);
        assertThat(get("/me/orders/" + othersOrder, buyer).status()).isEqualTo(404);

        // Feedback before delivery is refused
        assertThat(feedback(orderId, 5).status()).isEqualTo(409);

        // WHEN the parcel is delivered (seller ships, carrier reports)
        post("/orders/" + orderId + "/process", null);
        String number = TestData.trackingNumber();
        post("/orders/" + orderId + "/ship", "{\"carrier\":\"ups\",\"trackingNumber\":\"" + number + "\"}");
        String delivered = Webhooks.carrierEventJson("evt-" + number, number, "DELIVERED", Instant.now().minusSeconds(30));
        new Webhooks(client).carrier("ups", delivered);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get("/me/orders/" + orderId, buyer).json().get("status").asText()).isEqualTo("DELIVERED"));

        // THEN feedback is validated and accepted once
        assertThat(feedback(orderId, 6).status()).isEqualTo(400);
        assertThat(feedback(orderId, 5).status()).isEqualTo(201);

        // AND a return goes requested → approved → received → refunded, and only one refund
        ApiResponse requested = client.send("POST", "/me/orders/" + orderId + "/returns", buyer,
                "{\"reason\":\"too small\"}", Map.of());
        assertThat(requested.status()).isEqualTo(201);
        String returnId = requested.json().get("returnId").asText();
        assertThat(post("/orders/" + orderId + "/returns/" + returnId + "/approve", null).status()).isEqualTo(200);
        assertThat(post("/orders/" + orderId + "/returns/" + returnId + "/receive", null).status()).isEqualTo(200);
        ApiResponse refunded = post("/orders/" + orderId + "/refund", null);
        assertThat(refunded.status()).isEqualTo(200);
        assertThat(refunded.json().get("status").asText()).isEqualTo("REFUNDED");
        assertThat(post("/orders/" + orderId + "/refund", null).status()).isEqualTo(409);
    }

    private String create() {
        ApiResponse response = client.send("POST", "/orders", seller, TestData.orderBody(buyerId), Map.of());
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("orderId").asText();
    }

    private ApiResponse patchAddress(String orderId) {
        String etag = get("/orders/" + orderId, seller).header("etag");
        return client.send("PATCH", "/orders/" + orderId, seller, "{\"shippingAddress\":" + ADDRESS + "}",
                Map.of("If-Match", etag));
    }

    private ApiResponse feedback(String orderId, int rating) {
        return client.send("POST", "/me/orders/" + orderId + "/feedback", buyer,
                "{\"rating\":" + rating + ",\"comment\":\"Great mug\"}", Map.of());
    }

    private ApiResponse post(String path, String body) {
        return client.send("POST", path, seller, body, Map.of());
    }

    private ApiResponse get(String path, String token) {
        return client.send("GET", path, token, null, Map.of());
    }

}

package com.ordertracking.systemtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.HttpApi;
import com.ordertracking.systemtests.driver.LocalRuntimeExtension;
import com.ordertracking.systemtests.driver.TestData;
import com.ordertracking.local.runtime.LocalRuntime;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local runtime started on a free port from the repository's template.yaml, driven over HTTP
 * only: token, create, read back, authorizer, cross-seller isolation, problems, idempotency.
 */
@ExtendWith(LocalRuntimeExtension.class)
class OrderApiEndToEndIT {
    private final HttpApi client;

    private final String sellerId = "seller-" + UUID.randomUUID();

    OrderApiEndToEndIT(HttpApi client) {
        this.client = client;
    }

    @Test
    void health_reports_each_service_embedded_and_the_real_base_url(LocalRuntime runtime) {
        ApiResponse health = client.send("GET", "/_local/health", null, null, Map.of());

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("baseUrl").asText()).isEqualTo("http://localhost:" + runtime.baseUri().getPort());
        for (String service : List.of("dynamodb", "sqs", "sns")) {
            JsonNode entry = health.json().get("services").get(service);
            assertThat(entry.get("mode").asText()).as(service).isEqualTo("embedded");
            assertThat(entry.get("endpoint").asText()).as(service).startsWith("http://127.0.0.1:");
        }
    }

    @Test
    void seller_and_buyer_views_carry_the_tracking_page_url_on_the_runtimes_own_port(LocalRuntime runtime) {
        String buyerId = "buyer-" + UUID.randomUUID();
        String orderId = client.send("POST", "/orders", client.token("seller", sellerId), TestData.orderBody(buyerId), Map.of())
                .json().get("orderId").asText();

        String sellerView = client.send("GET", "/orders/" + orderId, client.token("seller", sellerId), null, Map.of())
                .json().get("trackingPageUrl").asText();
        String buyerView = client.send("GET", "/me/orders/" + orderId, client.token("buyer", buyerId), null, Map.of())
                .json().get("trackingPageUrl").asText();

        assertThat(sellerView).startsWith(runtime.baseUri() + "/track/" + orderId + "~").isEqualTo(buyerView);
        ApiResponse page = client.send("GET", URI.create(sellerView).getRawPath(), null, null, Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Your order");
    }

    @Test
    void seller_creates_an_order_and_reads_it_back() {
        // GIVEN a seller token minted by the local authorizer
        String token = client.token("seller", sellerId);

        // WHEN the seller creates an order and reads it back
        ApiResponse created = client.send("POST", "/orders", token, TestData.orderBody("buyer-1"), Map.of());
        String orderId = created.json().get("orderId").asText();
        ApiResponse read = client.send("GET", "/orders/" + orderId, token, null, Map.of());

        // THEN it is stored PENDING and reads back equal
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("location")).isEqualTo("/orders/" + orderId);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("status").asText()).isEqualTo("PENDING");
        assertThat(read.json()).isEqualTo(created.json());
        assertThat(read.header("etag")).isEqualTo("\"1\"");
    }

    @Test
    void requests_without_a_valid_token_are_401_like_api_gateway() {
        ApiResponse noToken = client.send("POST", "/orders", null, TestData.orderBody("buyer-1"), Map.of());
        ApiResponse forged = client.send("GET", "/orders/ord_x", "not.a.jwt", null, Map.of());

        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.json().get("message").asText()).isEqualTo("Unauthorized");
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void another_sellers_token_gets_404() {
        String orderId = client.send("POST", "/orders", client.token("seller", sellerId), TestData.orderBody("buyer-1"), Map.of())
                .json().get("orderId").asText();

        ApiResponse other = client.send("GET", "/orders/" + orderId,
                client.token("seller", "seller-" + UUID.randomUUID()), null, Map.of());

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.header("content-type")).isEqualTo("application/problem+json");
    }

    @Test
    void malformed_json_is_a_400_problem() {
        ApiResponse response = client.send("POST", "/orders", client.token("seller", sellerId),
                "{\"buyer\": ", Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("content-type")).isEqualTo("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/malformed-json");
    }

    @Test
    void idempotency_key_retry_returns_the_same_order() {
        String token = client.token("seller", sellerId);
        Map<String, String> key = Map.of("Idempotency-Key", "e2e-" + UUID.randomUUID());

        String first = client.send("POST", "/orders", token, TestData.orderBody("buyer-1"), key).json().get("orderId").asText();
        ApiResponse retry = client.send("POST", "/orders", token, TestData.orderBody("buyer-1"), key);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("orderId").asText()).isEqualTo(first);
    }

    @Test
    void unknown_routes_are_404_and_tokens_need_a_role() {
        assertThat(client.send("GET", "/nope", null, null, Map.of()).status()).isEqualTo(404);
        assertThat(client.send("POST", "/_local/tokens", null, "{\"role\":\"admin\",\"sub\":\"x\"}", Map.of()).status())
                .isEqualTo(400);
    }
}

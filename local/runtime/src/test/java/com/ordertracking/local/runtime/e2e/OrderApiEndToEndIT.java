package com.ordertracking.local.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.json.Json;
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
    private final HttpClientSupport client;

    private final String sellerId = "seller-" + UUID.randomUUID();

    OrderApiEndToEndIT(HttpClientSupport client) {
        this.client = client;
    }

    static String order(String buyerId) {
        return Json.write(Map.of(
                "buyer", Map.of("id", buyerId, "name", "Ana Souza", "email", "ana@example.com"),
                "currency", "USD",
                "items", List.of(Map.of("sku", "MUG-01", "name", "Ceramic mug", "quantity", 2, "unitPrice", "12.50")),
                "shippingAddress", Map.of("name", "Ana Souza", "line1", "500 Market St", "city", "San Francisco",
                        "region", "CA", "postalCode", "94105", "country", "US")));
    }

    @Test
    void health_reports_the_embedded_endpoints() {
        HttpClientSupport.Response health = client.send("GET", "/_local/health", null, null, Map.of());

        assertThat(health.status()).isEqualTo(200);
        JsonNode endpoints = health.json().get("endpoints");
        assertThat(endpoints.get("dynamodb").asText()).startsWith("http://127.0.0.1:");
        assertThat(endpoints.get("sqs").asText()).startsWith("http://127.0.0.1:");
        assertThat(endpoints.get("sns").asText()).startsWith("http://127.0.0.1:");
    }

    @Test
    void seller_creates_an_order_and_reads_it_back() {
        // GIVEN a seller token minted by the local authorizer
        String token = client.token("seller", sellerId);

        // WHEN the seller creates an order and reads it back
        HttpClientSupport.Response created = client.send("POST", "/orders", token, order("buyer-1"), Map.of());
        String orderId = created.json().get("orderId").asText();
        HttpClientSupport.Response read = client.send("GET", "/orders/" + orderId, token, null, Map.of());

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
        HttpClientSupport.Response noToken = client.send("POST", "/orders", null, order("buyer-1"), Map.of());
        HttpClientSupport.Response forged = client.send("GET", "/orders/ord_x", "not.a.jwt", null, Map.of());

        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.json().get("message").asText()).isEqualTo("Unauthorized");
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void another_sellers_token_gets_404() {
        String orderId = client.send("POST", "/orders", client.token("seller", sellerId), order("buyer-1"), Map.of())
                .json().get("orderId").asText();

        HttpClientSupport.Response other = client.send("GET", "/orders/" + orderId,
                client.token("seller", "seller-" + UUID.randomUUID()), null, Map.of());

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.header("content-type")).isEqualTo("application/problem+json");
    }

    @Test
    void malformed_json_is_a_400_problem() {
        HttpClientSupport.Response response = client.send("POST", "/orders", client.token("seller", sellerId),
                "{\"buyer\": ", Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("content-type")).isEqualTo("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/malformed-json");
    }

    @Test
    void idempotency_key_retry_returns_the_same_order() {
        String token = client.token("seller", sellerId);
        Map<String, String> key = Map.of("Idempotency-Key", "e2e-" + UUID.randomUUID());

        String first = client.send("POST", "/orders", token, order("buyer-1"), key).json().get("orderId").asText();
        HttpClientSupport.Response retry = client.send("POST", "/orders", token, order("buyer-1"), key);

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

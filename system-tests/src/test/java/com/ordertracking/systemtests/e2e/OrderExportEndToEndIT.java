package com.ordertracking.systemtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.HttpApi;
import com.ordertracking.systemtests.driver.LocalRuntimeExtension;
import com.ordertracking.systemtests.driver.TestData;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /orders/export} over HTTP: 2,000 orders whose names and addresses hold commas, quotes, line
 * breaks and accents come back through an independent RFC 4180 parser with every field intact; filters
 * and validation are the listing's; another seller's orders never appear.
 */
@ExtendWith(LocalRuntimeExtension.class)
class OrderExportEndToEndIT {
    private static final int ORDERS = 2_000;
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    private static final String[] TRICKY = {
        "Zoë \"Zo\" O'Brien, Jr.", "Ångström, Åsa\nc/o Müller", "José \"Pepe\" Núñez", "Łukasz, \"Ł\"\r\nWrocław",
        "李小龍", "Smith,,, \"\"quoted\"\"", "Renée\nFrançois\nÇa va", "Plain Name"};

    private final HttpApi client;
    private final String sellerId = TestData.id("seller");
    private final String seller;

    OrderExportEndToEndIT(HttpApi client) {
        this.client = client;
        this.seller = client.token("seller", sellerId);
    }

    @Test
    void two_thousand_orders_with_tricky_text_come_back_intact_and_alone() throws Exception {
        // GIVEN 2,000 orders of this seller (a few cancelled) and orders of another seller at the same time
        Map<String, JsonNode> sent = new ConcurrentHashMap<>();
        String otherSeller = client.token("seller", TestData.id("seller"));
        List<String> others = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                int n = i;
                work.add(pool.submit(() -> {
                    JsonNode created = create(seller, n);
                    sent.put(created.get("orderId").asText(), created);
                }));
            }
            for (int i = 0; i < 5; i++) {
                int n = i;
                work.add(pool.submit(() -> {
                    synchronized (others) {
                        others.add(create(otherSeller, n).get("orderId").asText());
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        }
        List<String> cancelled = sent.keySet().stream().sorted().limit(3).toList();
        for (String orderId : cancelled) {
            ApiResponse response = client.send("POST", "/orders/" + orderId + "/cancel", seller, "{\"reason\":\"out, of \\\"stock\\\"\"}", Map.of());
            assertThat(response.status()).isEqualTo(200);
        }

        // WHEN the seller exports everything (following rel=next until the last chunk)
        List<CSVRecord> rows = export("/orders/export");

        // THEN one row per order, exactly this seller's, every field as sent
        assertThat(rows).hasSize(ORDERS);
        Map<String, CSVRecord> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.get("orderId"), row));
        assertThat(byId.keySet()).isEqualTo(sent.keySet()).doesNotContainAnyElementsOf(others);
        sent.forEach((orderId, order) -> {
            CSVRecord row = byId.get(orderId);
            assertThat(row.get("buyerId")).isEqualTo(order.at("/buyer/id").asText());
            assertThat(row.get("buyerName")).isEqualTo(order.at("/buyer/name").asText());
            assertThat(row.get("shipToName")).isEqualTo(order.at("/shippingAddress/name").asText());
            assertThat(row.get("shipToCity")).isEqualTo(order.at("/shippingAddress/city").asText());
            assertThat(row.get("shipToRegion")).isEqualTo(order.at("/shippingAddress/region").asText());
            assertThat(row.get("shipToPostalCode")).isEqualTo(order.at("/shippingAddress/postalCode").asText());
            assertThat(row.get("shipToCountry")).isEqualTo(order.at("/shippingAddress/country").asText());
            assertThat(row.get("currency")).isEqualTo(order.get("currency").asText());
            assertThat(row.get("total")).isEqualTo(order.at("/totals/total").asText());
            assertThat(row.get("subtotal")).isEqualTo(order.at("/totals/subtotal").asText());
            assertThat(row.get("createdAt")).isEqualTo(order.get("createdAt").asText());
            assertThat(row.get("status")).isEqualTo(cancelled.contains(orderId) ? "CANCELLED" : "PENDING");
        });
        // The newest first, as the listing
        List<Instant> created = rows.stream().map(row -> Instant.parse(row.get("createdAt"))).toList();
        assertThat(created).isSortedAccordingTo((a, b) -> b.compareTo(a));

        // AND the status filter is the listing's
        List<CSVRecord> onlyCancelled = export("/orders/export?status=CANCELLED");
        assertThat(onlyCancelled).extracting(row -> row.get("orderId")).containsExactlyInAnyOrderElementsOf(cancelled);
        // AND so is the creation-time range (both ends inclusive)
        CSVRecord newest = rows.getFirst();
        String at = URLEncoder.encode(newest.get("createdAt"), StandardCharsets.UTF_8);
        assertThat(export("/orders/export?createdFrom=" + at + "&createdTo=" + at))
                .extracting(row -> row.get("createdAt")).containsOnly(newest.get("createdAt"));
    }

    @Test
    void bad_filters_are_400_naming_each_field_and_a_buyer_token_is_403() {
        ApiResponse bad = client.send("GET", "/orders/export?status=LOST&createdFrom=yesterday&createdTo=2026-13-01&cursor=%20",
                seller, null, Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("content-type")).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        bad.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).contains("status", "createdFrom", "createdTo", "cursor");

        ApiResponse forged = client.send("GET", "/orders/export?cursor=eyJwayI6Ik9SREVSI3gifQ", seller, null, Map.of());
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("cursor");

        String buyer = client.token("buyer", TestData.id("buyer"));
        assertThat(client.send("GET", "/orders/export", buyer, null, Map.of()).status()).isEqualTo(403);
    }

    @Test
    void a_seller_without_orders_gets_the_header_row_only() throws IOException {
        String newcomer = client.token("seller", TestData.id("seller"));
        ApiResponse response = client.send("GET", "/orders/export", newcomer, null, Map.of());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(response.header("link")).isNull();
        assertThat(parse(response.body())).isEmpty();
        assertThat(response.body()).startsWith("orderId,createdAt,status,").endsWith("\r\n");
    }

    private List<CSVRecord> export(String path) throws IOException {
        List<CSVRecord> rows = new ArrayList<>();
        String next = path;
        while (next != null) {
            ApiResponse response = client.send("GET", next, seller, null, Map.of());
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.header("content-type")).isEqualTo("text/csv; charset=utf-8");
            rows.addAll(parse(response.body()));
            String link = response.header("link");
            if (link == null) {
                next = null;
            } else {
                Matcher matcher = NEXT.matcher(link);
                assertThat(matcher.find()).as(link).isTrue();
                next = matcher.group(1);
            }
        }
        return rows;
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    private JsonNode create(String token, int n) {
        ObjectNode body = TestData.sampleBody("events/orders/create-order.json");
        ObjectNode buyer = (ObjectNode) body.get("buyer");
        buyer.put("id", TestData.id("buyer"));
        buyer.put("name", TRICKY[n % TRICKY.length] + " #" + n);
        ObjectNode address = (ObjectNode) body.get("shippingAddress");
        address.put("name", TRICKY[(n + 3) % TRICKY.length] + " " + n);
        address.put("line1", n + " Rue de l'Église, Bât. \"C\"");
        address.put("city", n % 2 == 0 ? "São Paulo, SP" : "Zürich\n(Kreis 1)");
        address.put("region", n % 3 == 0 ? "Île-de-France" : "\"North\", East");
        address.put("postalCode", String.format("%05d", n));
        address.put("country", n % 2 == 0 ? "BR" : "CH");
        ApiResponse response = client.send("POST", "/orders", token, Json.write(body), Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }
}

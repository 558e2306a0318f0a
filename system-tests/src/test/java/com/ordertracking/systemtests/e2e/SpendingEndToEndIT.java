package com.ordertracking.systemtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.HttpApi;
import com.ordertracking.systemtests.driver.LocalRuntimeExtension;
import com.ordertracking.systemtests.driver.TestData;
import com.ordertracking.systemtests.driver.Webhooks;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /me/spending} over HTTP: a buyer with orders at two sellers in two currencies, net of a
 * cancellation, of a partial refund (retried) and of a refund after a return, with period boundaries and validation.
 */
@ExtendWith(LocalRuntimeExtension.class)
class SpendingEndToEndIT {
    private final HttpApi client;
    private final String buyerId = TestData.id("buyer");
    private final String sellerA = TestData.id("seller");
    private final String sellerB = TestData.id("seller");
    private final String buyer;

    SpendingEndToEndIT(HttpApi client) {
        this.client = client;
        this.buyer = client.token("buyer", buyerId);
    }

    @Test
    void totals_per_currency_and_seller_are_net_of_cancellations_and_refunds() {
        // GIVEN seller A (USD): one order kept, one cancelled; seller B (EUR): one kept, one partly returned and refunded
        JsonNode keptA = create(sellerA, "USD", "10.00", 2);
        JsonNode cancelledA = create(sellerA, "USD", "7.25", 1);
        assertThat(post(sellerA, "/orders/" + id(cancelledA) + "/cancel", "{\"reason\":\"out of stock\"}").status()).isEqualTo(200);
        JsonNode keptB = create(sellerB, "EUR", "3.10", 3);
        JsonNode returnedB = create(sellerB, "EUR", "20.00", 2);
        BigDecimal refunded = returnOneAndRefund(id(returnedB));
        // AND a partial refund of 2.00 on the kept USD order, sent twice with one Idempotency-Key (counted once)
        for (int i = 0; i < 2; i++) {
            ApiResponse partial = client.send("POST", "/orders/" + id(keptA) + "/refunds", client.token("seller", sellerA),
                    "{\"amount\":\"2.00\",\"reason\":\"late delivery\"}", Map.of("Idempotency-Key", "spend-" + id(keptA)));
            assertThat(partial.status()).as(partial.body()).isIn(200, 201);
        }
        // AND another buyer's order at seller A, which must not count
        create(sellerA, "USD", "500.00", 1, TestData.id("buyer"));

        // WHEN the buyer asks for the days the orders were placed on
        LocalDate first = day(keptA);
        LocalDate last = day(returnedB);
        JsonNode report = spending(first, last);

        // THEN per currency: USD = kept A only; EUR = kept B + (returned B - refund)
        BigDecimal usd = total(keptA).subtract(new BigDecimal("2.00"));
        BigDecimal eur = total(keptB).add(total(returnedB)).subtract(refunded);
        assertThat(refunded.signum()).isPositive();
        assertThat(refunded).isLessThan(total(returnedB));
        assertThat(report.get("totals")).hasSize(2);
        assertThat(amount(report.get("totals"), "EUR", null)).isEqualByComparingTo(eur);
        assertThat(amount(report.get("totals"), "USD", null)).isEqualByComparingTo(usd);
        assertThat(orders(report.get("totals"), "USD")).isEqualTo(2);
        // AND per seller, each in its own currency
        assertThat(report.get("bySeller")).hasSize(2);
        assertThat(amount(report.get("bySeller"), "USD", sellerA)).isEqualByComparingTo(usd);
        assertThat(amount(report.get("bySeller"), "EUR", sellerB)).isEqualByComparingTo(eur);
        assertThat(report.at("/period/from").asText()).isEqualTo(first.toString());

        // AND the period's ends are inclusive days: the day after the last order holds nothing
        JsonNode after = spending(last.plusDays(1), last.plusDays(30));
        assertThat(after.get("totals")).isEmpty();
        assertThat(after.get("bySeller")).isEmpty();
        JsonNode before = spending(first.minusDays(366 - 1), first.minusDays(1));
        assertThat(before.get("totals")).isEmpty();
        JsonNode lastDayOnly = spending(last, last);
        assertThat(amount(lastDayOnly.get("totals"), "EUR", null)).isNotNull();
    }

    @Test
    void bad_periods_are_400_naming_each_field_and_a_seller_token_is_403() {
        assertThat(fields(client.send("GET", "/me/spending", buyer, null, Map.of()))).containsExactlyInAnyOrder("from", "to");
        assertThat(fields(client.send("GET", "/me/spending?from=2026-13-01&to=yesterday", buyer, null, Map.of())))
                .containsExactlyInAnyOrder("from", "to");
        assertThat(fields(client.send("GET", "/me/spending?from=2026-03-02&to=2026-03-01", buyer, null, Map.of())))
                .containsExactly("from");
        assertThat(fields(client.send("GET", "/me/spending?from=2026-01-01&to=2027-01-02", buyer, null, Map.of())))
                .containsExactly("to");
        assertThat(fields(client.send("GET", "/me/spending?from=1999-12-31&to=2000-01-01", buyer, null, Map.of())))
                .containsExactly("from");
        assertThat(client.send("GET", "/me/spending?from=2028-01-01&to=2028-12-31", buyer, null, Map.of()).status())
                .isEqualTo(200);
        String seller = client.token("seller", sellerA);
        assertThat(client.send("GET", "/me/spending?from=2026-01-01&to=2026-01-31", seller, null, Map.of()).status())
                .isEqualTo(403);
    }

    private BigDecimal returnOneAndRefund(String orderId) {
        String seller = client.token("seller", sellerB);
        assertThat(post(sellerB, "/orders/" + orderId + "/process", null).status()).isEqualTo(200);
        String number = TestData.trackingNumber();
        assertThat(post(sellerB, "/orders/" + orderId + "/ship",
                "{\"carrier\":\"ups\",\"trackingNumber\":\"" + number + "\"}").status()).isEqualTo(200);
        new Webhooks(client).carrier("ups",
                Webhooks.carrierEventJson("evt-" + number, number, "DELIVERED", Instant.now().minusSeconds(30)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                client.send("GET", "/orders/" + orderId, seller, null, Map.of()).json().get("status").asText())
                .isEqualTo("DELIVERED"));
        ApiResponse requested = client.send("POST", "/me/orders/" + orderId + "/returns", buyer,
                "{\"reason\":\"one was broken\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}", Map.of());
        assertThat(requested.status()).isEqualTo(201);
        String returnId = requested.json().get("returnId").asText();
        assertThat(post(sellerB, "/orders/" + orderId + "/returns/" + returnId + "/approve", null).status()).isEqualTo(200);
        assertThat(post(sellerB, "/orders/" + orderId + "/returns/" + returnId + "/receive", null).status()).isEqualTo(200);
        ApiResponse refund = post(sellerB, "/orders/" + orderId + "/refund", null);
        assertThat(refund.status()).isEqualTo(200);
        return new BigDecimal(refund.json().at("/refund/amount").asText());
    }

    private JsonNode create(String sellerId, String currency, String unitPrice, int quantity) {
        return create(sellerId, currency, unitPrice, quantity, buyerId);
    }

    private JsonNode create(String sellerId, String currency, String unitPrice, int quantity, String forBuyer) {
        String body = """
                {"buyer":{"id":"%s","name":"Ana Souza"},"currency":"%s",
                 "items":[{"sku":"SKU-1","name":"Mug","quantity":%d,"unitPrice":"%s"}],
                 "shippingAddress":{"name":"Ana Souza","line1":"500 Market St","city":"San Francisco","region":"CA","postalCode":"94105","country":"US"},
                 "shippingFee":"4.99"}""".formatted(forBuyer, currency, quantity, unitPrice);
        ApiResponse response = post(sellerId, "/orders", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private ApiResponse post(String sellerId, String path, String body) {
        return client.send("POST", path, client.token("seller", sellerId), body, Map.of());
    }

    private JsonNode spending(LocalDate from, LocalDate to) {
        ApiResponse response = client.send("GET", "/me/spending?from=" + from + "&to=" + to, buyer, null, Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String id(JsonNode order) {
        return order.get("orderId").asText();
    }

    private static LocalDate day(JsonNode order) {
        return LocalDate.ofInstant(Instant.parse(order.get("createdAt").asText()), ZoneOffset.UTC);
    }

    private static BigDecimal total(JsonNode order) {
        return new BigDecimal(order.at("/totals/total").asText());
    }

    private static BigDecimal amount(JsonNode rows, String currency, String sellerId) {
        for (JsonNode row : rows) {
            if (row.get("currency").asText().equals(currency)
                    && (sellerId == null || row.get("sellerId").asText().equals(sellerId))) {
                return new BigDecimal(row.get("amount").asText());
            }
        }
        return null;
    }

    private static int orders(JsonNode rows, String currency) {
        for (JsonNode row : rows) {
            if (row.get("currency").asText().equals(currency)) {
                return row.get("orders").asInt();
            }
        }
        return 0;
    }

    private static List<String> fields(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}

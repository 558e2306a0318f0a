package com.ordertracking.systemtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.Caller;
import com.ordertracking.systemtests.driver.HttpApi;
import com.ordertracking.systemtests.driver.LocalRuntimeExtension;
import com.ordertracking.systemtests.driver.TestData;
import com.ordertracking.systemtests.driver.Webhooks;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11 over HTTP against the local runtime: an order of 3 units shipped in 2 packages at different times
 * (PARTIALLY_SHIPPED → SHIPPED), carrier webhooks for both packages shuffled and duplicated, the order DELIVERED only
 * after the second package, one buyer SMS per package change and never a repeat, and the public tracking page
 * showing both packages.
 */
@ExtendWith(LocalRuntimeExtension.class)
class PackagesEndToEndIT {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Pattern LINK = Pattern.compile("/track/([A-Za-z0-9_~-]+)");

    private final HttpApi client;
    private final Webhooks carriers;
    private final Caller seller = Caller.seller("seller-" + UUID.randomUUID());
    private final String buyerId = "buyer-" + UUID.randomUUID();
    private final String phone = TestData.phone();
    private final String first = TestData.trackingNumber();
    private final String second = TestData.trackingNumber();
    private final Random random = new Random(11);

    PackagesEndToEndIT(HttpApi client) {
        this.client = client;
        this.carriers = new Webhooks(client);
    }

    @Test
    void three_units_in_two_packages_are_delivered_once_both_arrive_with_one_message_per_package_change() {
        // GIVEN a buyer on SMS and a processed order of 2 mugs and 1 plate
        assertThat(client.send("PUT", "/me/notification-preferences", client.token("buyer", buyerId),
                Json.write(Map.of("phone", phone, "channels", Map.of("sms", true, "email", false))), Map.of())
                .status()).isEqualTo(200);
        String orderId = createProcessedOrder();

        // WHEN the mugs ship in a first package (with an Idempotency-Key)
        String firstBody = Json.write(Map.of("carrier", "ups", "trackingNumber", first,
                "items", List.of(Map.of("sku", "MUG-01", "quantity", 2)),
                "estimatedDelivery", Instant.now().plus(Duration.ofDays(3)).toString()));
        ApiResponse created = client.send(seller, "POST", "/orders/" + orderId + "/packages", firstBody,
                Map.of("Idempotency-Key", "pkg-1-" + orderId));

        // THEN it is 201 with the package, its location, and the order is PARTIALLY_SHIPPED
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String firstId = created.json().get("packageId").asText();
        assertThat(created.header("location")).isEqualTo("/orders/" + orderId + "/packages/" + firstId);
        assertThat(created.json().get("orderStatus").asText()).isEqualTo("PARTIALLY_SHIPPED");
        assertThat(created.json().get("trackingUrl").asText()).contains(first);
        // a retry with the same key is the same package; cancelling and over-packing are refused
        ApiResponse replay = client.send(seller, "POST", "/orders/" + orderId + "/packages", firstBody,
                Map.of("Idempotency-Key", "pkg-1-" + orderId));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("packageId").asText()).isEqualTo(firstId);
        ApiResponse overPacked = client.send(seller, "POST", "/orders/" + orderId + "/packages",
                Json.write(Map.of("carrier", "ups", "trackingNumber", TestData.trackingNumber(),
                        "items", List.of(Map.of("sku", "PLATE-01", "quantity", 2)))), Map.of());
        assertThat(overPacked.status()).isEqualTo(409);
        assertThat(overPacked.body()).contains("PLATE-01");
        assertThat(client.send(seller, "POST", "/orders/" + orderId + "/cancel",
                Json.write(Map.of("reason", "changed my mind")), Map.of()).status()).isEqualTo(409);

        // WHEN the rest ships later in a second package (items omitted: everything not yet packed)
        ApiResponse rest = client.send(seller, "POST", "/orders/" + orderId + "/packages",
                Json.write(Map.of("carrier", "ups", "trackingNumber", second)), Map.of());
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);
        assertThat(rest.json().get("orderStatus").asText()).isEqualTo("SHIPPED");
        assertThat(rest.json().get("items").get(0).get("sku").asText()).isEqualTo("PLATE-01");

        // WHEN the carrier posts the first package's whole history and the second's first scan, shuffled, each twice
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        List<String> firstWave = new ArrayList<>();
        firstWave.addAll(history(first, t0, "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"));
        firstWave.addAll(history(second, t0.plusSeconds(5), "IN_TRANSIT"));
        postShuffledTwice(firstWave);

        // THEN the first package is delivered but the order is not: it follows its least advanced package
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode order = order(orderId);
            assertThat(pkg(order, firstId).get("status").asText()).isEqualTo("DELIVERED");
            assertThat(order.get("status").asText()).isEqualTo("IN_TRANSIT");
        });

        // WHEN the second package's remaining scans arrive, shuffled and duplicated
        postShuffledTwice(history(second, t0.plusSeconds(600), "OUT_FOR_DELIVERY", "DELIVERED"));

        // THEN the order is DELIVERED, both packages with their latest checkpoint and tracking URL
        await().atMost(WAIT).untilAsserted(() -> assertThat(order(orderId).get("status").asText()).isEqualTo("DELIVERED"));
        JsonNode delivered = order(orderId);
        assertThat(delivered.get("packages")).hasSize(2);
        for (JsonNode pkg : delivered.get("packages")) {
            assertThat(pkg.get("status").asText()).isEqualTo("DELIVERED");
            assertThat(pkg.get("latestCheckpoint").get("status").asText()).isEqualTo("DELIVERED");
            assertThat(pkg.get("trackingUrl").asText()).startsWith("https://www.ups.com/");
            assertThat(pkg.get("of").asInt()).isEqualTo(2);
        }
        JsonNode mine = client.send(Caller.buyer(buyerId), "GET", "/me/orders/" + orderId, null, Map.of()).json();
        assertThat(mine.get("packages")).hasSize(2);
        assertThat(mine.get("timeline").findValuesAsText("packageId")).contains(firstId, rest.json().get("packageId").asText());
        // every checkpoint once, each naming its package
        List<JsonNode> checkpoints = new ArrayList<>();
        client.send(seller, "GET", "/orders/" + orderId + "/events", null, Map.of()).json().get("items").forEach(e -> {
            if (e.get("kind").asText().equals("CHECKPOINT")) {
                checkpoints.add(e);
            }
        });
        assertThat(checkpoints).hasSize(6);
        assertThat(checkpoints).allSatisfy(c -> assertThat(c.get("packageId").asText()).startsWith("pkg-"));

        // THEN the buyer got one SMS per package change, none twice: both shipped, both delivered (the last one says so)
        await().atMost(WAIT).untilAsserted(() -> assertThat(sms("Package 2 of 2 delivered")).hasSize(1));
        assertThat(sms("Package 1 shipped")).hasSize(1);
        assertThat(sms("Package 2 of 2 shipped")).hasSize(1);
        assertThat(sms("Package 1 of 2 delivered")).hasSize(1);
        assertThat(sms("Package 2 of 2 delivered")).first().asString().contains("That's everything");
        List<String> texts = client.outbox(phone).stream().map(m -> m.path("message").asText()).toList();
        assertThat(texts).doesNotHaveDuplicates();
        assertThat(texts).noneMatch(t -> t.startsWith("Shipped:") || t.startsWith("Your order was delivered"));

        // THEN the public tracking page (the link in the SMS) shows both packages
        Matcher link = LINK.matcher(sms("Package 2 of 2 delivered").getFirst());
        assertThat(link.find()).isTrue();
        ApiResponse page = client.send("GET", "/track/" + link.group(1), null, null, Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<strong>Package 1 of 2</strong>").contains("<strong>Package 2 of 2</strong>")
                .contains(first).contains(second);
    }

    // ------------------------------------------------------------------ helpers

    private String createProcessedOrder() {
        String body = Json.write(Map.of(
                "buyer", Map.of("id", buyerId, "name", "Ana Souza", "email", buyerId + "@example.com", "phone", phone),
                "currency", "USD",
                "items", List.of(
                        Map.of("sku", "MUG-01", "name", "Ceramic mug", "quantity", 2, "unitPrice", "12.50"),
                        Map.of("sku", "PLATE-01", "name", "Dinner plate", "quantity", 1, "unitPrice", "9.00")),
                "shippingAddress", Map.of("name", "Ana Souza", "line1", "500 Market St", "city", "San Francisco",
                        "region", "CA", "postalCode", "94105", "country", "US")));
        ApiResponse created = client.send(seller, "POST", "/orders", body, Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String orderId = created.json().get("orderId").asText();
        assertThat(client.send(seller, "POST", "/orders/" + orderId + "/process", null, Map.of()).status()).isEqualTo(200);
        return orderId;
    }

    /** One signed carrier event body per status, a minute apart from {@code start}. */
    private static List<String> history(String number, Instant start, String... statuses) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            bodies.add(Webhooks.carrierEventJson("evt-" + number + "-" + statuses[i], number, statuses[i],
                    start.plusSeconds(60L * i)));
        }
        return bodies;
    }

    private void postShuffledTwice(List<String> bodies) {
        List<String> all = new ArrayList<>(bodies);
        all.addAll(bodies);
        Collections.shuffle(all, random);
        for (String body : all) {
            assertThat(carriers.carrier("ups", body).status()).isEqualTo(202);
        }
    }

    private JsonNode order(String orderId) {
        return client.send(seller, "GET", "/orders/" + orderId, null, Map.of()).json();
    }

    private static JsonNode pkg(JsonNode order, String packageId) {
        for (JsonNode pkg : order.get("packages")) {
            if (pkg.get("packageId").asText().equals(packageId)) {
                return pkg;
            }
        }
        throw new AssertionError("no package " + packageId + " in " + order);
    }

    private List<String> sms(String text) {
        return client.outbox(phone, text).stream().map(m -> m.path("message").asText()).toList();
    }
}

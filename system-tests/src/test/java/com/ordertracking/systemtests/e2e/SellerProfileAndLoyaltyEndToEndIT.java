package com.ordertracking.systemtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.HttpApi;
import com.ordertracking.systemtests.driver.LocalRuntimeExtension;
import com.ordertracking.systemtests.driver.TestData;
import com.ordertracking.systemtests.driver.Webhooks;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seller profile and loyalty coupons over HTTP (issue 12): the buyer's history, detail and tracking page show
 * the shop's name; a shipped order keeps the warehouse it shipped from; loyalty and subtotal conditions are
 * refused by name; {@code GET /me/coupons} lists what the buyer qualifies for.
 */
@ExtendWith(LocalRuntimeExtension.class)
class SellerProfileAndLoyaltyEndToEndIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SHOP = "Café Mugs & Co";

    private final HttpApi client;
    private final String sellerId = "seller-" + UUID.randomUUID();
    private final String buyerId = "buyer-" + UUID.randomUUID();
    private final String seller;
    private final String buyer;

    SellerProfileAndLoyaltyEndToEndIT(HttpApi client) {
        this.client = client;
        this.seller = client.token("seller", sellerId);
        this.buyer = client.token("buyer", buyerId);
    }

    @Test
    void the_buyer_sees_the_shops_name_and_a_profile_edit_never_rewrites_a_shipped_order() {
        // GIVEN an order placed before the seller had a profile, then a profile with two warehouses
        String before = createOrder(buyerId, null);
        ApiResponse created = putProfile(profile(SHOP, "Oakland"), Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.header("etag")).isEqualTo("\"1\"");

        // WHEN two orders ship: one from the named warehouse, one from the default
        String fromWest = createOrder(buyerId, null);
        String fromEast = createOrder(buyerId, null);
        assertThat(ship(fromWest, "west").status()).isEqualTo(200);
        JsonNode shippedEast = ship(fromEast, null).json();

        // THEN each order keeps a copy of its warehouse; an unknown one is a 400 naming the field
        assertThat(sellerGet("/orders/" + fromWest).at("/seller/shipFrom/warehouseId").asText()).isEqualTo("west");
        assertThat(shippedEast.at("/seller/shipFrom/warehouseId").asText()).isEqualTo("east");
        String third = createOrder(buyerId, null);
        sellerPost("/orders/" + third + "/process", null);
        ApiResponse unknown = sellerPost("/orders/" + third + "/ship", shipBody("north"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("warehouseId");

        // AND the buyer's history and detail show the shop's name; the older order reads fine without one
        JsonNode history = client.send("GET", "/me/orders", buyer, null, Map.of()).json();
        assertThat(history.get("items")).hasSize(4).allSatisfy(item -> {
            boolean old = item.get("orderId").asText().equals(before);
            assertThat(item.path("sellerDisplayName").isMissingNode()).isEqualTo(old);
            if (!old) {
                assertThat(item.get("sellerDisplayName").asText()).isEqualTo(SHOP);
            }
        });
        JsonNode detail = client.send("GET", "/me/orders/" + fromWest, buyer, null, Map.of()).json();
        assertThat(detail.get("sellerDisplayName").asText()).isEqualTo(SHOP);
        assertThat(detail.at("/seller/shipFrom/address/city").asText()).isEqualTo("Oakland");
        assertThat(client.send("GET", "/me/orders/" + before, buyer, null, Map.of()).status()).isEqualTo(200);

        // AND the public tracking page names the shop (HTML-escaped)
        String page = trackingPage(detail.get("trackingPageUrl").asText());
        assertThat(page).contains("Your order from Café Mugs &amp; Co").contains("<dt>Sold by</dt>");

        // WHEN the seller renames the shop and moves the west warehouse (If-Match: the current ETag)
        assertThat(putProfile(profile("Renamed Shop", "Fresno"), Map.of("If-Match", "\"7\"")).status())
                .as("a stale ETag").isEqualTo(412);
        ApiResponse edited = putProfile(profile("Renamed Shop", "Fresno"), Map.of("If-Match", created.header("etag")));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(sellerGet("/seller/profile").at("/warehouses/1/address/city").asText()).isEqualTo("Fresno");

        // THEN the shipped order still ships from Oakland under the old name; new orders take the new name
        JsonNode shipped = sellerGet("/orders/" + fromWest);
        assertThat(shipped.at("/seller/shipFrom/address/city").asText()).isEqualTo("Oakland");
        assertThat(shipped.at("/seller/displayName").asText()).isEqualTo(SHOP);
        String after = createOrder(buyerId, null);
        assertThat(sellerGet("/orders/" + after).at("/seller/displayName").asText()).isEqualTo("Renamed Shop");
    }

    @Test
    void bad_profiles_are_400_naming_each_field_and_a_profile_is_the_sellers_own() {
        ObjectNode bad = profile(" ", "Oakland");
        ((ObjectNode) bad.at("/warehouses/1/address")).remove("postalCode");
        ((ObjectNode) bad.at("/warehouses/1")).put("default", true);
        bad.put("supportEmail", "nope");

        ApiResponse response = putProfile(bad, Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(fields(response)).containsExactlyInAnyOrder("displayName", "supportEmail",
                "warehouses[1].address.postalCode", "warehouses");
        String otherSeller = client.token("seller", "seller-" + UUID.randomUUID());
        assertThat(putProfile(profile(SHOP, "Oakland"), Map.of()).status()).isEqualTo(200);
        assertThat(client.send("GET", "/seller/profile", otherSeller, null, Map.of()).status()).isEqualTo(404);
        assertThat(client.send("GET", "/seller/profile", buyer, null, Map.of()).status()).isEqualTo(403);
        assertThat(client.send("GET", "/me/coupons", seller, null, Map.of()).status()).isEqualTo(403);
    }

    @Test
    void a_loyalty_coupon_is_refused_before_the_buyers_second_delivery_and_accepted_after() {
        // GIVEN a coupon for buyers with two delivered orders, and one order already delivered
        assertThat(createCoupon("{\"code\":\"LOYAL2\",\"percentOff\":10,\"minDeliveredOrders\":2,\"validUntil\":\""
                + Instant.now().plus(Duration.ofDays(2)) + "\"}").status()).isEqualTo(201);
        deliver(createOrder(buyerId, null));

        // WHEN the buyer orders with it after one delivery
        ApiResponse refused = placeWithCoupon(buyerId, "LOYAL2", 1);

        // THEN 409 names the failed condition, and /me/coupons does not offer it yet
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/coupon-not-applicable");
        assertThat(refused.json().get("condition").asText()).isEqualTo("minDeliveredOrders");
        assertThat(codes(myCoupons(buyer))).doesNotContain("LOYAL2");

        // WHEN a second order is delivered
        deliver(createOrder(buyerId, null));

        // THEN /me/coupons lists the offer with its conditions and expiry, and the coupon is accepted
        JsonNode offer = find(myCoupons(buyer), "LOYAL2");
        assertThat(offer.get("kind").asText()).isEqualTo("loyalty");
        assertThat(offer.get("sellerId").asText()).isEqualTo(sellerId);
        assertThat(offer.at("/conditions/minDeliveredOrders").asInt()).isEqualTo(2);
        assertThat(offer.hasNonNull("validUntil")).isTrue();
        ApiResponse accepted = placeWithCoupon(buyerId, "LOYAL2", 1);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().at("/discount/code").asText()).isEqualTo("LOYAL2");

        // AND another buyer, with no deliveries from this seller, neither sees nor redeems it
        String stranger = "buyer-" + UUID.randomUUID();
        assertThat(codes(myCoupons(client.token("buyer", stranger)))).doesNotContain("LOYAL2");
        assertThat(placeWithCoupon(stranger, "LOYAL2", 1).json().get("condition").asText())
                .isEqualTo("minDeliveredOrders");
    }

    @Test
    void a_subtotal_minimum_is_refused_by_name_and_bad_coupon_conditions_are_400() {
        assertThat(createCoupon("{\"code\":\"BIG50\",\"amountOff\":5,\"currency\":\"USD\",\"minSubtotal\":\"50.00\","
                + "\"validUntil\":\"" + Instant.now().plus(Duration.ofDays(2)) + "\"}").status()).isEqualTo(201);

        ApiResponse small = placeWithCoupon(buyerId, "BIG50", 1); // 2 mugs: subtotal 25.00
        ApiResponse large = placeWithCoupon(buyerId, "BIG50", 2); // 4 mugs: subtotal 50.00 (the minimum counts)

        assertThat(small.status()).isEqualTo(409);
        assertThat(small.json().get("condition").asText()).isEqualTo("minSubtotal");
        assertThat(small.json().get("detail").asText()).contains("50.00 USD");
        assertThat(large.status()).as(large.body()).isEqualTo(201);
        ApiResponse bad = createCoupon("{\"code\":\"BAD1\",\"percentOff\":10,\"minSubtotal\":\"-1\","
                + "\"minDeliveredOrders\":0,\"validUntil\":\"" + Instant.now().plus(Duration.ofDays(2)) + "\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).contains("minSubtotal", "minDeliveredOrders");
    }

    // ------------------------------------------------------------------ helpers

    private static ObjectNode profile(String name, String westCity) {
        String address = "{\"name\":\"%s\",\"line1\":\"1 Dock Rd\",\"city\":\"%s\",\"postalCode\":\"94607\",\"country\":\"US\"}";
        try {
            return (ObjectNode) Json.parse("""
                    {"displayName": "%s", "supportEmail": "help@shop.example",
                     "warehouses": [{"warehouseId": "east", "name": "East", "address": %s, "default": true},
                                    {"warehouseId": "west", "name": "West", "address": %s}],
                     "returnAddress": %s}""".formatted(name, address.formatted("East", "Stockton"),
                    address.formatted("West", westCity), address.formatted("Returns", "Stockton")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiResponse putProfile(JsonNode body, Map<String, String> headers) {
        return client.send("PUT", "/seller/profile", seller, Json.write(body), headers);
    }

    private String createOrder(String buyer, String couponCode) {
        ApiResponse response = placeWithCoupon(buyer, couponCode, 1);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("orderId").asText();
    }

    /** The small test order for {@code buyer} with 2 × {@code mugs} mugs at 12.50, naming {@code couponCode}. */
    private ApiResponse placeWithCoupon(String buyer, String couponCode, int mugs) {
        ObjectNode body = Json.read(TestData.orderBody(buyer), ObjectNode.class);
        body.remove("discount");
        ((ObjectNode) body.get("items").get(0)).put("quantity", 2 * mugs);
        if (couponCode != null) {
            body.put("couponCode", couponCode);
        }
        return client.send("POST", "/orders", seller, Json.write(body), Map.of());
    }

    private ApiResponse createCoupon(String body) {
        return client.send("POST", "/coupons", seller, body, Map.of());
    }

    private static String shipBody(String warehouseId) {
        return "{\"carrier\":\"ups\",\"trackingNumber\":\"" + TestData.trackingNumber() + "\""
                + (warehouseId == null ? "" : ",\"warehouseId\":\"" + warehouseId + "\"") + "}";
    }

    private ApiResponse ship(String orderId, String warehouseId) {
        assertThat(sellerPost("/orders/" + orderId + "/process", null).status()).isEqualTo(200);
        return sellerPost("/orders/" + orderId + "/ship", shipBody(warehouseId));
    }

    /** Ships the order and lets the carrier report it delivered; waits until the buyer sees DELIVERED. */
    private void deliver(String orderId) {
        JsonNode shipped = ship(orderId, null).json();
        String number = shipped.at("/shipment/trackingNumber").asText();
        new Webhooks(client).carrier("ups", Webhooks.carrierEventJson("evt-" + number, number, "DELIVERED",
                Instant.now().minusSeconds(30)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(client.send("GET", "/me/orders/" + orderId, buyer, null,
                Map.of()).json().get("status").asText()).isEqualTo("DELIVERED"));
    }

    private JsonNode myCoupons(String token) {
        ApiResponse response = client.send("GET", "/me/coupons", token, null, Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("items");
    }

    private static List<String> codes(JsonNode items) {
        List<String> codes = new ArrayList<>();
        items.forEach(item -> codes.add(item.get("code").asText()));
        return codes;
    }

    private static JsonNode find(JsonNode items, String code) {
        for (JsonNode item : items) {
            if (item.get("code").asText().equals(code)) {
                return item;
            }
        }
        throw new AssertionError(code + " not in " + items);
    }

    private static List<String> fields(ApiResponse problem) {
        List<String> fields = new ArrayList<>();
        problem.json().path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private String trackingPage(String url) {
        ApiResponse page = client.send("GET", URI.create(url).getPath(), null, null, Map.of());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    private JsonNode sellerGet(String path) {
        ApiResponse response = client.send("GET", path, seller, null, Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private ApiResponse sellerPost(String path, String body) {
        return client.send("POST", path, seller, body, Map.of());
    }
}

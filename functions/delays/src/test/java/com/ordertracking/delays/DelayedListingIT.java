package com.ordertracking.delays;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalCloudExtension.class)
class DelayedListingIT {
    private final Shop shop;

    DelayedListingIT(LocalCloud cloud) {
        this.shop = new Shop(cloud);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("orderId").asText()));
        return ids;
    }

    @Test
    void delayed_true_lists_only_the_sellers_delayed_orders_newest_first_across_pages() {
        // GIVEN a seller with three delayed orders among on-time and unshipped ones, and another seller's delay
        String sellerId = Shop.id("seller");
        Instant past = Instant.now().minus(Duration.ofHours(3));
        Instant future = Instant.now().plus(Duration.ofDays(3));
        String delayed1 = shop.shipped(sellerId, Shop.id("buyer"), Shop.trackingNumber(), past);
        shop.shipped(sellerId, Shop.id("buyer"), Shop.trackingNumber(), future);
        String delayed2 = shop.shipped(sellerId, Shop.id("buyer"), Shop.trackingNumber(), past);
        shop.place(sellerId, Shop.id("buyer"));
        String delayed3 = shop.shipped(sellerId, Shop.id("buyer"), Shop.trackingNumber(), past);
        shop.shipped(Shop.id("other-seller"), Shop.id("buyer"), Shop.trackingNumber(), past);
        shop.runMonitor();

        // WHEN the seller lists delayed orders two at a time
        APIGatewayV2HTTPResponse first = shop.list(sellerId, Map.of("delayed", "true", "limit", "2"));
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
        JsonNode page1 = Shop.json(first);
        JsonNode page2 = Shop.json(shop.list(sellerId, Map.of("delayed", "true", "limit", "2",
                "cursor", page1.get("nextCursor").asText())));

        // THEN exactly its delayed orders, newest first, and the last page has no cursor
        assertThat(ids(page1)).containsExactly(delayed3, delayed2);
        assertThat(ids(page2)).containsExactly(delayed1);
        assertThat(page2.has("nextCursor")).isFalse();
        page1.get("items").forEach(item -> assertThat(item.get("delay").get("reason").asText())
                .isEqualTo("PAST_ESTIMATED_DELIVERY"));
        // and without the filter all five are listed
        assertThat(ids(Shop.json(shop.list(sellerId, Map.of())))).hasSize(5);
    }

    @Test
    void delayed_must_be_true_or_false() {
        APIGatewayV2HTTPResponse response = shop.list(Shop.id("seller"), Map.of("delayed", "yes"));
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Shop.json(response).get("errors").get(0).get("field").asText()).isEqualTo("delayed");
    }
}

package com.ordertracking.systemtests.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.application.tracking.DelayMonitor;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.InProcessApi;
import com.ordertracking.systemtests.driver.Seller;
import com.ordertracking.systemtests.driver.StoredOrders;
import com.ordertracking.systemtests.driver.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalCloudExtension.class)
class DelayedListingIT {
    private final InProcessApi api;
    private final StoredOrders stored;

    DelayedListingIT(LocalCloud cloud) {
        this.api = new InProcessApi(cloud);
        this.stored = new StoredOrders(cloud);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("orderId").asText()));
        return ids;
    }

    @Test
    void delayed_true_lists_only_the_sellers_delayed_orders_newest_first_across_pages() {
        // GIVEN a seller with three delayed orders among on-time and unshipped ones, and another seller's delay
        String sellerId = TestData.id("seller");
        Instant past = Instant.now().minus(Duration.ofHours(3));
        Instant future = Instant.now().plus(Duration.ofDays(3));
        String delayed1 = seller(sellerId).shippedOrder(TestData.id("buyer"), TestData.trackingNumber(), past);
        seller(sellerId).shippedOrder(TestData.id("buyer"), TestData.trackingNumber(), future);
        String delayed2 = seller(sellerId).shippedOrder(TestData.id("buyer"), TestData.trackingNumber(), past);
        Seller.expect(seller(sellerId).placeOrder(TestData.id("buyer"), null), 201);
        String delayed3 = seller(sellerId).shippedOrder(TestData.id("buyer"), TestData.trackingNumber(), past);
        seller(TestData.id("other-seller")).shippedOrder(TestData.id("buyer"), TestData.trackingNumber(), past);
        runMonitor();

        // WHEN the seller lists delayed orders two at a time
        ApiResponse first = seller(sellerId).list(Map.of("delayed", "true", "limit", "2"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode page1 = first.json();
        JsonNode page2 = seller(sellerId).list(Map.of("delayed", "true", "limit", "2",
                "cursor", page1.get("nextCursor").asText())).json();

        // THEN exactly its delayed orders, newest first, and the last page has no cursor
        assertThat(ids(page1)).containsExactly(delayed3, delayed2);
        assertThat(ids(page2)).containsExactly(delayed1);
        assertThat(page2.has("nextCursor")).isFalse();
        page1.get("items").forEach(item -> assertThat(item.get("delay").get("reason").asText())
                .isEqualTo("PAST_ESTIMATED_DELIVERY"));
        // and without the filter all five are listed
        assertThat(ids(seller(sellerId).list(Map.of()).json())).hasSize(5);
    }

    @Test
    void delayed_must_be_true_or_false() {
        ApiResponse response = seller(TestData.id("seller")).list(Map.of("delayed", "yes"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("delayed");
    }

    private Seller seller(String sellerId) {
        return new Seller(api, sellerId);
    }

    private DelayMonitor.Summary runMonitor() {
        return api.runSchedule("DelayMonitorFunction", "events/delays/detect-delays.json");
    }
}

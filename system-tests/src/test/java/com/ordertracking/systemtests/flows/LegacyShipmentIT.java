package com.ordertracking.systemtests.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.adapters.persistence.TableKeys;
import com.ordertracking.shared.domain.OrderIds;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.Caller;
import com.ordertracking.systemtests.driver.InProcessApi;
import com.ordertracking.systemtests.driver.Seller;
import com.ordertracking.systemtests.driver.TestData;
import com.ordertracking.systemtests.driver.TrackingPipeline;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Orders stored before packages existed (issue 11): one shipment embedded in the order item, a registration
 * without a package id. Written here with the raw SDK in exactly that shape, such an order reads, tracks and
 * delivers after the change (the processor applies its events the old way, to the embedded shipment).
 */
@ExtendWith(LocalCloudExtension.class)
class LegacyShipmentIT {
    private final InProcessApi api;
    private final TrackingPipeline tracking;
    private final String table;

    LegacyShipmentIT(LocalCloud cloud) {
        this.api = new InProcessApi(cloud);
        this.tracking = new TrackingPipeline(api);
        this.table = cloud.physicalName("OrdersTable");
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue m(Map<String, AttributeValue> value) {
        return AttributeValue.fromM(value);
    }

    /** An order item as the code before issue 11 wrote it after POST /ship (no packages attribute at all). */
    private void storeLegacyShippedOrder(String orderId, String sellerId, String buyerId, String number, Instant at) {
        String createdKey = TableKeys.createdSortKey(at, orderId);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("ORDER#" + orderId));
        item.put("sk", s("ORDER"));
        item.put("entity", s("Order"));
        item.put("gsi1pk", s("SELLER#" + sellerId));
        item.put("gsi1sk", s(createdKey));
        item.put("gsi2pk", s("SELLER#" + sellerId + "#STATUS#SHIPPED"));
        item.put("gsi2sk", s(createdKey));
        item.put("gsi3pk", s("BUYER#" + buyerId));
        item.put("gsi3sk", s(createdKey));
        item.put("orderId", s(orderId));
        item.put("sellerId", s(sellerId));
        item.put("buyer", m(Map.of("id", s(buyerId), "name", s("Ana Souza"), "email", s("ana@example.com"),
                "phone", AttributeValue.fromNul(true))));
        item.put("items", AttributeValue.fromL(List.of(m(Map.of("sku", s("MUG-01"), "name", s("Ceramic mug"),
                "quantity", AttributeValue.fromN("2"), "unitPrice", s("12.50"), "lineTotal", s("25.00"))))));
        item.put("shippingAddress", m(Map.of("name", s("Ana Souza"), "line1", s("500 Market St"),
                "city", s("San Francisco"), "region", s("CA"), "postalCode", s("94105"), "country", s("US"))));
        item.put("currency", s("USD"));
        item.put("discount", AttributeValue.fromNul(true));
        item.put("totals", m(Map.of("subtotal", s("25.00"), "discount", s("0.00"), "shipping", s("0.00"),
                "total", s("25.00"))));
        item.put("status", s("SHIPPED"));
        item.put("version", AttributeValue.fromN("3"));
        item.put("createdAt", s(at.toString()));
        item.put("updatedAt", s(at.toString()));
        item.put("shipment", m(Map.of("carrier", s("ups"), "trackingNumber", s(number),
                "status", AttributeValue.fromNul(true), "estimatedDelivery", s(at.plus(3, ChronoUnit.DAYS).toString()),
                "shippedAt", s(at.toString()), "lastEventAt", AttributeValue.fromNul(true),
                "deliveredAt", AttributeValue.fromNul(true), "progress", AttributeValue.fromNul(true),
                "latest", AttributeValue.fromNul(true), "etaSource", AttributeValue.fromNul(true))));
        for (String absent : List.of("cancellation", "refund", "returnRequest", "feedback", "delay")) {
            item.put(absent, AttributeValue.fromNul(true));
        }
        item.put("compensations", AttributeValue.fromL(List.of()));
        api.cloud().dynamoDb().putItem(p -> p.tableName(table).item(item));
        api.cloud().dynamoDb().putItem(p -> p.tableName(table).item(Map.of(
                "pk", s("TRACKING#ups#" + number), "sk", s("TRACKING"), "entity", s("TrackingRegistration"),
                "orderId", s(orderId), "carrier", s("ups"), "trackingNumber", s(number),
                "registeredAt", s(at.toString()))));
    }

    @Test
    void an_order_with_an_embedded_shipment_reads_tracks_and_delivers() {
        // GIVEN an order shipped before packages existed, stored in that layout
        String orderId = OrderIds.next();
        String sellerId = TestData.id("seller");
        String buyerId = TestData.id("buyer");
        String number = TestData.trackingNumber();
        Instant shippedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        storeLegacyShippedOrder(orderId, sellerId, buyerId, number, shippedAt);
        Seller seller = new Seller(api, sellerId);

        // THEN it reads, for the seller and the buyer, with its shipment shown as package 1 of 1
        JsonNode read = seller.order(orderId);
        assertThat(read.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(read.get("packages")).hasSize(1);
        assertThat(read.get("packages").get(0).get("trackingNumber").asText()).isEqualTo(number);
        assertThat(read.get("packages").get(0).get("trackingUrl").asText()).contains(number);
        ApiResponse buyerRead = api.get(Caller.buyer(buyerId), "/me/orders/" + orderId);
        assertThat(buyerRead.status()).isEqualTo(200);
        // and it is listed
        assertThat(seller.list(Map.of()).json().get("items")).extracting(o -> o.get("orderId").asText())
                .contains(orderId);

        // WHEN the carrier scans it in transit and delivers it
        tracking.scan(number, ShipmentStatus.IN_TRANSIT, shippedAt.plusSeconds(600), null);
        assertThat(seller.order(orderId).get("status").asText()).isEqualTo("IN_TRANSIT");
        tracking.scan(number, ShipmentStatus.DELIVERED, shippedAt.plusSeconds(1200), null);

        // THEN it is delivered, with both checkpoints on its timeline, and still without package items
        JsonNode delivered = seller.order(orderId);
        assertThat(delivered.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.get("shipment").get("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.get("packages").get(0).get("status").asText()).isEqualTo("DELIVERED");
        assertThat(seller.checkpoints(orderId)).hasSize(2);
        assertThat(api.get(Caller.buyer(buyerId), "/me/orders/" + orderId).json().get("status").asText())
                .isEqualTo("DELIVERED");
    }
}

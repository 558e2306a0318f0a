package com.ordertracking.systemtests.flows;

import static com.ordertracking.systemtests.driver.Webhooks.carrierEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.Caller;
import com.ordertracking.systemtests.driver.InProcessApi;
import com.ordertracking.systemtests.driver.Seller;
import com.ordertracking.systemtests.driver.TestData;
import com.ordertracking.systemtests.driver.TrackingPipeline;
import com.ordertracking.systemtests.driver.Webhooks;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Correcting a package's tracking number (issue 11): before the carrier's first scan the new number is registered
 * and the scans parked for it are applied; after a scan the number is fixed (409). Also the package routes' refusals.
 */
@ExtendWith(LocalCloudExtension.class)
class PackageCorrectionIT {
    private final InProcessApi api;
    private final Webhooks carriers;
    private final TrackingPipeline tracking;
    private final Seller seller;

    PackageCorrectionIT(LocalCloud cloud) {
        this.api = new InProcessApi(cloud);
        this.carriers = new Webhooks(api);
        this.tracking = new TrackingPipeline(api);
        this.seller = Seller.fresh(api);
    }

    private ApiResponse ship(String orderId, Map<String, Object> body) {
        return api.send(Caller.seller(seller.id()), "POST", "/orders/" + orderId + "/packages", Json.write(body), Map.of());
    }

    private ApiResponse correct(String orderId, String packageId, String number) {
        return api.send(Caller.seller(seller.id()), "PATCH", "/orders/" + orderId + "/packages/" + packageId,
                Json.write(Map.of("trackingNumber", number)), Map.of());
    }

    @Test
    void a_mistyped_number_is_corrected_before_the_first_scan_and_the_scans_parked_for_the_right_one_are_applied() {
        // GIVEN a package shipped with a mistyped number, and the carrier already scanning the right one (parked)
        String orderId = seller.createOrder(null);
        seller.process(orderId);
        String typo = TestData.trackingNumber();
        String right = TestData.trackingNumber();
        ApiResponse shipped = ship(orderId, Map.of("carrier", "ups", "trackingNumber", typo));
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(201);
        String packageId = shipped.json().get("packageId").asText();
        String eventId = "early-" + UUID.randomUUID();
        assertThat(carriers.carrier("ups", carrierEvent(eventId, right, "IN_TRANSIT", "2026-11-24T06:12:00Z"))
                .status()).isEqualTo(202);
        tracking.runProcessor(); // parked: no package has that number yet

        // WHEN the seller corrects the number, and the processor runs on what the correction released
        ApiResponse corrected = correct(orderId, packageId, right);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        List<String> released = tracking.runProcessor();

        // THEN the parked scan is applied to the package, and the old number is free again
        assertThat(released).anyMatch(body -> body.contains(eventId));
        JsonNode order = seller.order(orderId);
        assertThat(order.get("status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(order.get("packages").get(0).get("trackingNumber").asText()).isEqualTo(right);
        assertThat(seller.checkpoints(orderId)).extracting(e -> e.get("packageId").asText()).containsExactly(packageId);
        String other = seller.createOrder(null);
        seller.process(other);
        assertThat(ship(other, Map.of("carrier", "ups", "trackingNumber", typo)).status()).isEqualTo(201);

        // WHEN the seller tries to change it again after the carrier's scan
        ApiResponse late = correct(orderId, packageId, TestData.trackingNumber());

        // THEN it is refused: the carrier knows the package by that number now
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("type").asText()).endsWith("package-already-scanned");
    }

    @Test
    void package_routes_refuse_what_they_cannot_do() {
        String orderId = seller.createOrder(null);
        // not processed yet
        assertThat(ship(orderId, Map.of("carrier", "ups", "trackingNumber", TestData.trackingNumber())).status())
                .isEqualTo(409);
        seller.process(orderId);
        // bad body: every field named
        ApiResponse invalid = ship(orderId, Map.of("carrier", "pigeon", "trackingNumber", "x",
                "items", List.of(Map.of("sku", "MUG-01", "quantity", 0))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("carrier").contains("trackingNumber").contains("items[0].quantity");
        // a number of another order
        String taken = TestData.trackingNumber();
        seller.shippedOrder("ups", taken);
        ApiResponse clash = ship(orderId, Map.of("carrier", "ups", "trackingNumber", taken));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().get("type").asText()).endsWith("tracking-number-in-use");
        // an unknown package
        assertThat(correct(orderId, "pkg-9", TestData.trackingNumber()).status()).isEqualTo(404);
        // everything shipped: nothing left to pack
        assertThat(ship(orderId, Map.of("carrier", "ups", "trackingNumber", TestData.trackingNumber())).status())
                .isEqualTo(201);
        ApiResponse more = ship(orderId, Map.of("carrier", "ups", "trackingNumber", TestData.trackingNumber()));
        assertThat(more.status()).isEqualTo(409);
        assertThat(more.json().get("type").asText()).endsWith("order-already-shipped");
    }
}

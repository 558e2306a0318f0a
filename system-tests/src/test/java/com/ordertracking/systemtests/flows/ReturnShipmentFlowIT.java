package com.ordertracking.systemtests.flows;

import static com.ordertracking.systemtests.driver.Webhooks.carrierEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.Caller;
import com.ordertracking.systemtests.driver.InProcessApi;
import com.ordertracking.systemtests.driver.Returns;
import com.ordertracking.systemtests.driver.Seller;
import com.ordertracking.systemtests.driver.TestData;
import com.ordertracking.systemtests.driver.TrackingPipeline;
import com.ordertracking.systemtests.driver.Webhooks;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Return shipments through the handlers against the embedded stack: attach (seller and buyer routes), the
 * tracking processor on the real queue (parked scans, duplicates), and the order RETURNED by the delivery scan.
 */
@ExtendWith(LocalCloudExtension.class)
class ReturnShipmentFlowIT {
    private final InProcessApi api;
    private final Seller seller;
    private final Caller sellerCaller;
    private final Caller buyer = Caller.buyer(TestData.id("buyer"));
    private final Webhooks carriers;
    private final TrackingPipeline tracking;
    private final Returns returns;

    ReturnShipmentFlowIT(LocalCloud cloud) {
        this.api = new InProcessApi(cloud);
        this.seller = Seller.fresh(api);
        this.sellerCaller = Caller.seller(seller.id());
        this.carriers = new Webhooks(api);
        this.tracking = new TrackingPipeline(api);
        this.returns = new Returns(api);
    }

    @Test
    void a_return_shipment_is_tracked_to_returned_by_webhooks_alone_parked_scans_included() {
        // GIVEN a delivered order whose return the buyer asked for
        String orderId = deliveredOrder();
        String returnId = returns.request(buyer, orderId, "too small");
        String number = TestData.trackingNumber();

        // WHEN the buyer attaches a shipment before the seller approved
        ApiResponse early = returns.attach(buyer, orderId, returnId, "ups", number);

        // THEN it is refused: only an approved return takes a shipment
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("type").asText()).isEqualTo("/problems/return-not-approved");

        // GIVEN the seller approves, and the carrier's first scan arrives before anyone attached the number
        Seller.expect(returns.approve(sellerCaller, orderId, returnId), 200);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String prefix = TestData.id("ret-evt");
        Seller.expect(carriers.carrier("ups", carrierEvent(prefix + "-1", number, "IN_TRANSIT", t0.toString())), 202);
        tracking.runProcessor();
        assertThat(seller.order(orderId).get("status").asText()).isEqualTo("RETURN_APPROVED");

        // WHEN the buyer attaches the shipment (the number as printed: lower case, spaces)
        ApiResponse attached = returns.attach(buyer, orderId, returnId, "UPS",
                number.toLowerCase().substring(0, 4) + " " + number.substring(4));

        // THEN it is created, not yet scanned, with the carrier's tracking page
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        assertThat(attached.headers()).containsEntry("location", "/me/orders/" + orderId)
                .containsEntry("idempotent-replayed", "false");
        JsonNode shipment = attached.json();
        assertThat(shipment.get("carrier").asText()).isEqualTo("ups");
        assertThat(shipment.get("trackingNumber").asText()).isEqualTo(number);
        assertThat(shipment.get("returnId").asText()).isEqualTo(returnId);
        assertThat(shipment.get("attachedBy").asText()).isEqualTo("buyer");
        assertThat(shipment.has("status")).as("no scan yet").isFalse();
        assertThat(shipment.get("trackingUrl").asText()).isEqualTo("https://www.ups.com/track?tracknum=" + number);

        // WHEN the parked scan is released and processed
        tracking.runProcessor();

        // THEN the return is in transit: the seller's repeat of the same shipment answers with it
        ApiResponse repeat = returns.attach(sellerCaller, orderId, returnId, "ups", number);
        assertThat(repeat.status()).as(repeat.body()).isEqualTo(201);
        assertThat(repeat.headers()).containsEntry("idempotent-replayed", "true");
        assertThat(repeat.json().get("status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(repeat.json().get("attachedBy").asText()).isEqualTo("buyer");
        assertThat(seller.order(orderId).get("status").asText()).isEqualTo("RETURN_APPROVED");
        assertThat(checkpointIds(orderId)).containsOnlyOnce("return-" + returnId + ":ups:" + prefix + "-1");

        // WHEN the delivery scan comes three times, with a late duplicate of the in-transit one
        for (int i = 0; i < 3; i++) {
            Seller.expect(carriers.carrier("ups", carrierEvent(prefix + "-2", number, "DELIVERED",
                    t0.plusSeconds(3600).toString())), 202);
        }
        Seller.expect(carriers.carrier("ups", carrierEvent(prefix + "-1", number, "IN_TRANSIT", t0.toString())), 202);
        tracking.runProcessor();

        // THEN the order is RETURNED by the carrier, once, and the return shipment shows delivered
        JsonNode order = seller.order(orderId);
        assertThat(order.get("status").asText()).isEqualTo("RETURNED");
        assertThat(order.at("/returnRequest/receivedBy").asText()).isEqualTo("ups");
        List<JsonNode> timeline = seller.timeline(orderId);
        assertThat(timeline).filteredOn(e -> "RETURNED".equals(e.path("status").asText())
                && "STATUS_CHANGED".equals(e.path("kind").asText())).singleElement()
                .satisfies(e -> assertThat(e.get("source").asText()).isEqualTo("ups"));
        assertThat(checkpointIds(orderId)).containsOnlyOnce("return-" + returnId + ":ups:" + prefix + "-2")
                .containsOnlyOnce("return-" + returnId + ":ups:" + prefix + "-1");
        assertThat(returns.attach(buyer, orderId, returnId, "ups", number).json().get("deliveredAt").asText())
                .isEqualTo(t0.plusSeconds(3600).toString());
        // ...the buyer sees the return's own entries in its timeline too
        JsonNode mine = api.get(buyer, "/me/orders/" + orderId).json();
        assertThat(mine.get("timeline").findValuesAsText("entryId"))
                .contains("return-shipment-" + returnId, "return-" + returnId + ":ups:" + prefix + "-2");

        // AND the seller's next step is the refund, as after a manual receive; receiving again is refused
        assertThat(returns.receive(sellerCaller, orderId, returnId).status()).isEqualTo(409);
        ApiResponse refunded = api.post(sellerCaller, "/orders/" + orderId + "/refund", null);
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        assertThat(refunded.json().get("status").asText()).isEqualTo("REFUNDED");
    }

    @Test
    void attaching_is_refused_for_others_orders_bad_input_numbers_in_use_and_reused_keys() {
        // GIVEN an approved return
        String orderId = deliveredOrder();
        String returnId = approvedReturn(orderId);
        String number = TestData.trackingNumber();

        // THEN another seller's or buyer's order is 404, like an unknown return
        assertThat(returns.attach(Caller.seller(TestData.id("seller")), orderId, returnId, "ups", number).status())
                .isEqualTo(404);
        assertThat(returns.attach(Caller.buyer(TestData.id("buyer")), orderId, returnId, "ups", number).status())
                .isEqualTo(404);
        assertThat(returns.attach(buyer, orderId, "ret_unknown", "ups", number).status()).isEqualTo(404);

        // AND bad input is a 400 naming each field
        ApiResponse bad = returns.attach(sellerCaller, orderId, returnId,
                "{\"carrier\":\"pigeonpost\",\"trackingNumber\":\"!\",\"extra\":1}", Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("content-type")).isEqualTo("application/problem+json");
        assertThat(bad.json().get("errors").findValuesAsText("field")).contains("carrier", "trackingNumber", "extra");
        assertThat(returns.attach(sellerCaller, orderId, returnId, "{", Map.of()).status()).isEqualTo(400);

        // AND a number another order shipped with is 409, and so is this order's own outbound number
        String otherOrdersNumber = TestData.trackingNumber();
        seller.shippedOrder("ups", otherOrdersNumber);
        ApiResponse inUse = returns.attach(sellerCaller, orderId, returnId, "ups", otherOrdersNumber);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().get("type").asText()).isEqualTo("/problems/tracking-number-in-use");
        String ownNumber = seller.order(orderId).at("/shipment/trackingNumber").asText();
        assertThat(returns.attach(sellerCaller, orderId, returnId, "ups", ownNumber).status()).isEqualTo(409);

        // WHEN the seller attaches with an Idempotency-Key, then retries it, then reuses it for another number
        String key = TestData.id("key");
        String body = "{\"carrier\":\"fedex\",\"trackingNumber\":\"" + number + "\"}";
        ApiResponse first = returns.attach(sellerCaller, orderId, returnId, body, Map.of("Idempotency-Key", key));
        ApiResponse retry = returns.attach(sellerCaller, orderId, returnId, body, Map.of("Idempotency-Key", key));
        ApiResponse reused = returns.attach(sellerCaller, orderId, returnId,
                "{\"carrier\":\"fedex\",\"trackingNumber\":\"" + number + "9\"}", Map.of("Idempotency-Key", key));
        ApiResponse badKey = returns.attach(sellerCaller, orderId, returnId, body, Map.of("Idempotency-Key", "a b"));

        // THEN one shipment, the retry is a replay, the reuse 422, a malformed key 400
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("attachedBy").asText()).isEqualTo("seller");
        assertThat(first.json().get("trackingUrl").asText()).contains(number);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.headers()).containsEntry("idempotent-replayed", "true");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asText()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(badKey.status()).isEqualTo(400);
        // ...and the return keeps its one shipment
        ApiResponse other = returns.attach(buyer, orderId, returnId, "ups", TestData.trackingNumber());
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("type").asText()).isEqualTo("/problems/return-shipment-exists");
    }

    @Test
    void aggregator_webhooks_track_a_return_shipment_too() {
        // GIVEN an approved return whose USPS shipment the seller attached
        String orderId = deliveredOrder();
        String returnId = approvedReturn(orderId);
        String number = TestData.trackingNumber();
        Seller.expect(returns.attach(sellerCaller, orderId, returnId, "usps", number), 201);

        // WHEN EasyPost reports it in transit and AfterShip delivered (their documented examples, USPS)
        String easyPostId = TestData.id("evt");
        String afterShipId = TestData.id("as");
        Seller.expect(carriers.easyPost(number, easyPostId), 202);
        Seller.expect(carriers.afterShip(number, afterShipId), 202);
        tracking.runProcessor();

        // THEN their histories are on the order's timeline as the return's, and the delivery received the return
        assertThat(checkpointIds(orderId)).anyMatch(id -> id.startsWith("return-" + returnId + ":easypost:"))
                .anyMatch(id -> id.startsWith("return-" + returnId + ":aftership:"));
        JsonNode order = seller.order(orderId);
        assertThat(order.get("status").asText()).isEqualTo("RETURNED");
        assertThat(order.at("/returnRequest/receivedBy").asText()).isEqualTo("usps");
    }

    private String deliveredOrder() {
        String number = TestData.trackingNumber();
        String orderId = seller.createOrder(buyer.id());
        seller.processAndShip(orderId, number, null);
        Seller.expect(carriers.carrier("ups", carrierEvent(TestData.id("out-evt"), number, "DELIVERED",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())), 202);
        tracking.runProcessor();
        assertThat(seller.order(orderId).get("status").asText()).isEqualTo("DELIVERED");
        return orderId;
    }

    /** The buyer asks to return the order and the seller approves: the return's id. */
    private String approvedReturn(String orderId) {
        String returnId = returns.request(buyer, orderId, "wrong colour");
        Seller.expect(returns.approve(sellerCaller, orderId, returnId), 200);
        return returnId;
    }

    private List<String> checkpointIds(String orderId) {
        return seller.checkpoints(orderId).stream().map(e -> e.get("entryId").asText()).toList();
    }
}

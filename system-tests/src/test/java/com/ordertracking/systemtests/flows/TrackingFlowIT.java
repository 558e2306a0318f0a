package com.ordertracking.systemtests.flows;

import static com.ordertracking.systemtests.driver.Webhooks.carrierEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.systemtests.driver.AggregatorHistories;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.InProcessApi;
import com.ordertracking.systemtests.driver.Seller;
import com.ordertracking.systemtests.driver.TestData;
import com.ordertracking.systemtests.driver.TrackingPipeline;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seller ships, carriers post signed webhooks, the processor consumes the real queue: the whole
 * tracking path against the embedded AWS stack, wired as template.yaml wires it.
 */
@ExtendWith(LocalCloudExtension.class)
class TrackingFlowIT {
    private final InProcessApi api;
    private final Seller seller;
    private final Webhooks carriers;
    private final TrackingPipeline tracking;

    TrackingFlowIT(LocalCloud cloud) {
        this.api = new InProcessApi(cloud);
        this.seller = Seller.fresh(api);
        this.carriers = new Webhooks(api);
        this.tracking = new TrackingPipeline(api);
    }

    @Test
    void signed_webhooks_deliver_the_order_once_and_a_late_older_scan_does_not_move_it_back() {
        // GIVEN a processed and shipped order
        String number = TestData.trackingNumber();
        String orderId = seller.createOrder(null);
        ApiResponse processed = seller.process(orderId);
        ApiResponse shipped = seller.ship(orderId, "ups", number);
        assertThat(processed.status()).isEqualTo(200);
        assertThat(processed.json().get("status").asText()).isEqualTo("PROCESSED");
        assertThat(processed.headers()).containsEntry("etag", "\"2\"");
        assertThat(shipped.status()).isEqualTo(200);
        assertThat(shipped.json().get("status").asText()).isEqualTo("SHIPPED");
        assertThat(shipped.json().at("/shipment/trackingNumber").asText()).isEqualTo(number);
        assertThat(shipped.headers()).containsEntry("etag", "\"3\"");

        // WHEN the carrier posts IN_TRANSIT then DELIVERED and the processor runs on the queue
        String prefix = "evt-" + UUID.randomUUID();
        Instant shippedAt = Instant.parse(shipped.json().at("/shipment/shippedAt").asText()).truncatedTo(ChronoUnit.SECONDS);
        String lateScan = shippedAt.plus(Duration.ofHours(1)).toString();
        String inTransitScan = shippedAt.plus(Duration.ofHours(5)).toString();
        String deliveredScan = shippedAt.plus(Duration.ofHours(30)).toString();
        ApiResponse inTransit = carriers.carrier("ups",
                carrierEvent(prefix + "-1", number, "IN_TRANSIT", inTransitScan));
        ApiResponse delivered = carriers.carrier("ups",
                carrierEvent(prefix + "-2", number, "DELIVERED", deliveredScan));
        assertThat(inTransit.status()).isEqualTo(202);
        assertThat(inTransit.json().get("accepted").asBoolean()).isTrue();
        assertThat(inTransit.json().get("eventId").asText()).isEqualTo(prefix + "-1");
        assertThat(delivered.status()).isEqualTo(202);
        tracking.runProcessor();

        // THEN the order is DELIVERED
        JsonNode order = seller.order(orderId);
        assertThat(order.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(order.at("/shipment/status").asText()).isEqualTo("DELIVERED");
        assertThat(order.at("/shipment/deliveredAt").asText()).isEqualTo(deliveredScan);

        // WHEN the same DELIVERED event is posted again, and then a late, older IN_TRANSIT scan
        assertThat(carriers.carrier("ups", carrierEvent(prefix + "-2", number, "DELIVERED", deliveredScan))
                .status()).isEqualTo(202);
        assertThat(carriers.carrier("ups", carrierEvent(prefix + "-0", number, "IN_TRANSIT", lateScan))
                .status()).isEqualTo(202);
        tracking.runProcessor();

        // THEN there is exactly one DELIVERED checkpoint, the late scan is in the timeline, and the order stays DELIVERED
        List<JsonNode> checkpoints = seller.checkpoints(orderId);
        assertThat(checkpoints).filteredOn(e -> e.get("shipmentStatus").asText().equals("DELIVERED")).hasSize(1);
        assertThat(checkpoints).extracting(e -> e.get("entryId").asText())
                .containsExactly("ups:" + prefix + "-0", "ups:" + prefix + "-1", "ups:" + prefix + "-2");
        assertThat(seller.order(orderId).get("status").asText()).isEqualTo("DELIVERED");
        // and the timeline reads oldest first: created, processed, shipped, then the carrier's scans by carrier time
        List<JsonNode> timeline = seller.timeline(orderId);
        assertThat(timeline).extracting(e -> e.get("kind").asText() + ":" + e.path("status").asText(e.path("shipmentStatus").asText()))
                .containsExactly("STATUS_CHANGED:PENDING", "STATUS_CHANGED:PROCESSED", "STATUS_CHANGED:SHIPPED",
                        "CHECKPOINT:IN_TRANSIT", "CHECKPOINT:IN_TRANSIT", "CHECKPOINT:DELIVERED");
        JsonNode deliveredEntry = checkpoints.getLast();
        assertThat(deliveredEntry.get("at").asText()).isEqualTo(deliveredScan);
        assertThat(deliveredEntry.get("location").asText()).isEqualTo("Louisville, KY, US");
        assertThat(deliveredEntry.get("description").asText()).isEqualTo("DELIVERED scan");
        assertThat(deliveredEntry.get("source").asText()).isEqualTo("ups");
    }

    @Test
    void illegal_seller_transitions_are_409_problems() {
        String orderId = seller.createOrder(null);

        // shipping a PENDING order skips processing
        ApiResponse shipPending = seller.ship(orderId, "ups", TestData.trackingNumber());
        assertThat(shipPending.status()).isEqualTo(409);
        assertThat(shipPending.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(shipPending.json().get("type").asText()).isEqualTo("/problems/illegal-transition");

        // processing twice
        assertThat(seller.process(orderId).status()).isEqualTo(200);
        ApiResponse again = seller.process(orderId);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).isEqualTo("/problems/illegal-transition");
        assertThat(seller.order(orderId).get("status").asText()).isEqualTo("PROCESSED");
    }

    @Test
    void an_invalid_ship_request_is_400_naming_every_field_and_changes_nothing() {
        String orderId = seller.createOrder(null);
        seller.process(orderId);

        ApiResponse response = seller.shipSample(orderId, "events/orders/ship-order-invalid.json");

        assertThat(response.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("carrier", "trackingNumber", "estimatedDelivery", "signature");
        assertThat(seller.order(orderId).get("status").asText()).isEqualTo("PROCESSED");
    }

    @Test
    void shipping_with_a_tracking_number_another_order_uses_is_409_and_writes_nothing() {
        // GIVEN an order shipped with a tracking number
        String number = TestData.trackingNumber();
        seller.shippedOrder("fedex", number);
        String second = seller.createOrder(null);
        seller.process(second);

        // WHEN another order ships with the same carrier and number
        ApiResponse clash = seller.ship(second, "fedex", number);

        // THEN it is a conflict, and the second order is still PROCESSED with nothing added to its timeline
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(clash.json().get("type").asText()).isEqualTo("/problems/tracking-number-in-use");
        assertThat(seller.order(second).get("status").asText()).isEqualTo("PROCESSED");
        assertThat(seller.timeline(second)).hasSize(2);
        // the same number with another carrier is another parcel
        assertThat(seller.ship(second, "dhl", number).status()).isEqualTo(200);
    }

    @Test
    void a_scan_parked_before_ship_is_applied_after_ship() {
        // GIVEN a carrier scan for a number no order has yet, processed (and parked)
        String number = TestData.trackingNumber();
        String eventId = "early-" + UUID.randomUUID();
        assertThat(carriers.carrier("usps", carrierEvent(eventId, number, "IN_TRANSIT", "2026-11-24T06:12:00Z"))
                .status()).isEqualTo(202);
        tracking.runProcessor();
        String orderId = seller.createOrder(null);
        seller.process(orderId);

        // WHEN the seller ships with that number, and the processor runs on what ship released
        assertThat(seller.ship(orderId, "usps", number).status()).isEqualTo(200);
        List<String> released = tracking.runProcessor();

        // THEN the early scan is applied to the order
        assertThat(released).anyMatch(body -> body.contains(eventId));
        assertThat(seller.order(orderId).get("status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(seller.checkpoints(orderId)).extracting(e -> e.get("entryId").asText()).containsExactly("usps:" + eventId);
        // and it is no longer parked
        assertThat(tracking.runProcessor()).noneMatch(body -> body.contains(eventId));
    }

    @Test
    void a_shuffled_and_duplicated_event_stream_ends_like_the_ordered_one() {
        // GIVEN two identical shipments and one carrier story with exceptions, failed attempts and an ETA change
        String orderedNumber = TestData.trackingNumber();
        String shuffledNumber = TestData.trackingNumber();
        String ordered = seller.shippedOrder("dhl", orderedNumber);
        String shuffled = seller.shippedOrder("dhl", shuffledNumber);
        String[][] story = {
                {"INFO_RECEIVED", "2026-11-21T08:00:00Z"}, {"IN_TRANSIT", "2026-11-21T12:00:00Z"},
                {"EXCEPTION", "2026-11-22T09:00:00Z"}, {"IN_TRANSIT", "2026-11-22T18:00:00Z"},
                {"OUT_FOR_DELIVERY", "2026-11-23T07:00:00Z"}, {"ATTEMPT_FAILED", "2026-11-23T16:00:00Z"},
                {"OUT_FOR_DELIVERY", "2026-11-24T07:30:00Z"}, {"DELIVERED", "2026-11-24T11:05:00Z"}};
        String run = UUID.randomUUID().toString();

        // WHEN one gets the events once, in order, and the other shuffled with duplicates
        for (int i = 0; i < story.length; i++) {
            carriers.carrier("dhl", withEta(carrierEvent("o-" + run + "-" + i, orderedNumber, story[i][0], story[i][1]), i));
            tracking.runProcessor();
        }
        List<Integer> delivery = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < story.length; i++) {
            delivery.add(i);
            delivery.add(random.nextInt(story.length));
        }
        Collections.shuffle(delivery, random);
        for (int i : delivery) {
            carriers.carrier("dhl", withEta(carrierEvent("s-" + run + "-" + i, shuffledNumber, story[i][0], story[i][1]), i));
        }
        tracking.runProcessor();

        // THEN both orders end in the same state with the same timeline
        JsonNode a = seller.order(ordered);
        JsonNode b = seller.order(shuffled);
        assertThat(b.get("status")).isEqualTo(a.get("status"));
        assertThat(a.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(comparable(b.get("shipment"), "s-")).isEqualTo(comparable(a.get("shipment"), "o-"));
        assertThat(comparableTimeline(seller.checkpoints(shuffled), "s-"))
                .isEqualTo(comparableTimeline(seller.checkpoints(ordered), "o-"))
                .hasSize(story.length);
    }

    @Test
    void aftership_and_easypost_examples_put_their_whole_history_on_the_timeline_once_in_carrier_time_order() {
        // GIVEN orders shipped with USPS numbers
        String afterShipNumber = TestData.trackingNumber();
        String easyPostNumber = TestData.trackingNumber();
        String viaAfterShip = seller.shippedOrder("usps", afterShipNumber);
        String viaEasyPost = seller.shippedOrder("usps", easyPostNumber);
        Random random = new Random(11);

        // WHEN AfterShip's documented example arrives and is applied
        ApiResponse first = carriers.afterShip(afterShipNumber, UUID.randomUUID().toString());
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.json().get("queued").asInt()).isEqualTo(6);
        tracking.runProcessor();

        // THEN every checkpoint is on the timeline once, in carrier-time order, and the order is DELIVERED
        List<JsonNode> checkpoints = seller.checkpoints(viaAfterShip);
        assertThat(checkpoints).extracting(e -> e.get("at").asText()).containsExactlyElementsOf(AggregatorHistories.AFTERSHIP_TIMES);
        assertThat(checkpoints).extracting(e -> e.get("shipmentStatus").asText())
                .containsExactlyElementsOf(AggregatorHistories.AFTERSHIP_STATUSES);
        assertThat(checkpoints).allSatisfy(e -> assertThat(e.get("source").asText()).isEqualTo("aftership"));
        assertThat(checkpoints.getLast().get("description").asText()).isEqualTo("Delivered, In/At Mailbox");
        assertThat(checkpoints.getLast().get("location").asText()).isEqualTo("San Francisco, CA 94105");
        List<String> entryIds = checkpoints.stream().map(e -> e.get("entryId").asText()).toList();
        JsonNode delivered = seller.order(viaAfterShip);
        assertThat(delivered.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.at("/shipment/deliveredAt").asText()).isEqualTo("2026-11-25T22:10:00Z");
        assertThat(delivered.at("/shipment/estimatedDelivery").asText()).isEqualTo("2026-11-26T00:00:00Z");

        // WHEN the same webhook comes three more times, shuffled, and an earlier snapshot (InTransit) arrives late
        List<ObjectNode> replays = new ArrayList<>(AggregatorHistories.afterShipRedeliveries(afterShipNumber, 3, random));
        replays.add(AggregatorHistories.afterShipEarlierSnapshot(afterShipNumber));
        Collections.shuffle(replays, random);
        replays.forEach(body -> assertThat(carriers.afterShip(body).status()).isEqualTo(202));
        tracking.runProcessor();

        // THEN nothing is added and nothing moves back
        assertThat(seller.checkpoints(viaAfterShip)).extracting(e -> e.get("entryId").asText())
                .containsExactlyElementsOf(entryIds);
        assertThat(seller.order(viaAfterShip).get("status").asText()).isEqualTo("DELIVERED");

        // WHEN a later webhook brings a checkpoint the carrier back-filled at an older time
        assertThat(carriers.afterShip(AggregatorHistories.afterShipLaterWithBackfill(afterShipNumber)).status())
                .isEqualTo(202);
        tracking.runProcessor();

        // THEN exactly that one is added, at its carrier-time position, and the shipment stays delivered
        List<JsonNode> after = seller.checkpoints(viaAfterShip);
        assertThat(after).hasSize(7);
        assertThat(after.get(2).get("at").asText()).isEqualTo(AggregatorHistories.BACKFILLED_TIME);
        assertThat(after.get(2).get("shipmentStatus").asText()).isEqualTo("IN_TRANSIT");
        assertThat(after).extracting(e -> e.get("entryId").asText()).containsAll(entryIds).doesNotHaveDuplicates();
        JsonNode stillDelivered = seller.order(viaAfterShip);
        assertThat(stillDelivered.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(stillDelivered.at("/shipment/status").asText()).isEqualTo("DELIVERED");
        assertThat(stillDelivered.at("/shipment/deliveredAt").asText()).isEqualTo("2026-11-25T22:10:00Z");

        // WHEN EasyPost's documented example comes three times at once, its details shuffled each time
        AggregatorHistories.easyPostRedeliveries(easyPostNumber, 3, random)
                .forEach(body -> assertThat(carriers.easyPost(body).status()).isEqualTo(202));
        tracking.runProcessor();

        // THEN its four details are on the timeline once, in carrier-time order, the newest last
        List<JsonNode> easyPost = seller.checkpoints(viaEasyPost);
        assertThat(easyPost).extracting(e -> e.get("at").asText()).containsExactlyElementsOf(AggregatorHistories.EASYPOST_TIMES);
        assertThat(easyPost).extracting(e -> e.get("shipmentStatus").asText())
                .containsExactly("INFO_RECEIVED", "IN_TRANSIT", "IN_TRANSIT", "IN_TRANSIT");
        assertThat(easyPost.getLast().get("source").asText()).isEqualTo("easypost");
        assertThat(easyPost.getLast().get("location").asText()).isEqualTo("HOUSTON, TX, 77063");
        JsonNode inTransit = seller.order(viaEasyPost);
        assertThat(inTransit.get("status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(inTransit.at("/shipment/estimatedDelivery").asText()).isEqualTo("2026-11-27T00:00:00Z");
    }

    private static Map<String, Object> withEta(Map<String, Object> event, int index) {
        if (index % 3 == 1) {
            event.put("estimatedDelivery", "2026-11-2" + (4 + index / 3) + "T18:00:00Z");
        }
        return event;
    }

    /** A shipment with the run-specific parts (tracking number, event id prefixes) taken out. */
    private static String comparable(JsonNode shipment, String prefix) {
        JsonNode copy = shipment.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(List.of("trackingNumber", "shippedAt"));
        return Json.write(copy).replaceAll("dhl:" + prefix + "[0-9a-f-]{36}-", "dhl:#");
    }

    private static List<String> comparableTimeline(List<JsonNode> checkpoints, String prefix) {
        return checkpoints.stream().map(e -> Json.write(e).replaceAll("dhl:" + prefix + "[0-9a-f-]{36}-", "dhl:#")).toList();
    }
}

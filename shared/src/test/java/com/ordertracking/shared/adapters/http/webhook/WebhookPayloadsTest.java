package com.ordertracking.shared.adapters.http.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.FieldError;
import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookPayloadsTest {

    private static ObjectNode afterShipCheckpoint(String time, String tag, String subtag, String message, String city) {
        ObjectNode checkpoint = Json.MAPPER.createObjectNode();
        checkpoint.put("checkpoint_time", time).put("tag", tag).put("subtag", subtag).put("message", message)
                .put("city", city).put("state", "TN").put("country_name", "USA");
        return checkpoint;
    }

    private static List<ObjectNode> afterShipHistory() {
        return List.of(
                afterShipCheckpoint("2026-11-22T17:31:00-06:00", "InTransit", "InTransit_002", "Picked up", "Memphis"),
                afterShipCheckpoint("2026-11-22T09:14:00", "InfoReceived", "InfoReceived_001", "Label created", null),
                afterShipCheckpoint("2026-11-25T14:10:00-08:00", "Delivered", "Delivered_001", "Delivered", "San Francisco"),
                afterShipCheckpoint("2026-11-25T07:48:00-08:00", "OutForDelivery", "OutForDelivery_001", "Out", "San Francisco"));
    }

    /** An AfterShip webhook delivery: its own event_id and ts, the given checkpoints in the given order. */
    private static ObjectNode afterShip(List<ObjectNode> checkpoints, String expectedDelivery) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("event", "tracking_update").put("event_id", UUID.randomUUID().toString())
                .put("ts", 1_795_565_400L + (long) (Math.random() * 10_000));
        ObjectNode msg = body.putObject("msg");
        msg.put("tracking_number", "9400111899223197428490").put("slug", "usps").put("tag", "Delivered")
                .put("subtag", "Delivered_001");
        if (expectedDelivery != null) {
            msg.put("expected_delivery", expectedDelivery);
        }
        ArrayNode array = msg.putArray("checkpoints");
        checkpoints.forEach(array::add);
        return body;
    }

    private static List<TrackingEvent> parseAfterShip(ObjectNode body) {
        byte[] raw = Json.write(body).getBytes(StandardCharsets.UTF_8);
        return ((WebhookPayloads.Parsed.Event) WebhookPayloads.afterShip(body, raw)).events();
    }

    @Test
    void every_aftership_checkpoint_is_an_event_in_carrier_time_order_with_its_own_status() {
        List<TrackingEvent> events = parseAfterShip(afterShip(afterShipHistory(), "2026-11-26"));

        assertThat(events).extracting(TrackingEvent::status).containsExactly(ShipmentStatus.INFO_RECEIVED,
                ShipmentStatus.IN_TRANSIT, ShipmentStatus.OUT_FOR_DELIVERY, ShipmentStatus.DELIVERED);
        assertThat(events).extracting(TrackingEvent::occurredAt).isSorted();
        assertThat(events.get(1).location()).isEqualTo("Memphis, TN, USA");
        assertThat(events.get(1).description()).isEqualTo("Picked up");
        assertThat(events).extracting(TrackingEvent::eventId).doesNotHaveDuplicates().allMatch(id -> id.startsWith("cp-"));
        assertThat(events).extracting(TrackingEvent::estimatedDelivery)
                .containsExactly(null, null, null, Instant.parse("2026-11-26T00:00:00Z"));
    }

    @Test
    void the_same_checkpoint_gets_the_same_id_in_every_delivery_whatever_its_position_or_the_webhook_id() {
        List<ObjectNode> shuffled = new ArrayList<>(afterShipHistory());
        Collections.reverse(shuffled);
        List<ObjectNode> laterHistory = new ArrayList<>(afterShipHistory());
        laterHistory.add(afterShipCheckpoint("2026-11-25T15:00:00-08:00", "Delivered", "Delivered_003", "Signed", "San Francisco"));

        List<String> first = parseAfterShip(afterShip(afterShipHistory(), "2026-11-26")).stream().map(TrackingEvent::eventId).toList();
        List<String> again = parseAfterShip(afterShip(shuffled, null)).stream().map(TrackingEvent::eventId).toList();
        List<String> later = parseAfterShip(afterShip(laterHistory, "2026-11-25")).stream().map(TrackingEvent::eventId).toList();

        assertThat(again).containsExactlyElementsOf(first);
        assertThat(later).hasSize(5).containsAll(first);
    }

    @Test
    void a_checkpoint_repeated_inside_one_webhook_is_one_event() {
        List<ObjectNode> twice = new ArrayList<>(afterShipHistory());
        twice.add(afterShipHistory().getFirst());

        assertThat(parseAfterShip(afterShip(twice, null))).hasSize(4);
    }

    @Test
    void a_tracking_without_checkpoints_is_one_event_of_its_tag_recorded_once_across_deliveries() {
        List<TrackingEvent> first = parseAfterShip(afterShip(List.of(), null));
        List<TrackingEvent> second = parseAfterShip(afterShip(List.of(), null)); // another ts, another event_id

        assertThat(first).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(ShipmentStatus.DELIVERED));
        assertThat(second.getFirst().eventId()).isEqualTo(first.getFirst().eventId());
    }

    @Test
    void bad_checkpoints_are_named_by_their_path() {
        List<ObjectNode> history = new ArrayList<>(afterShipHistory());
        history.set(3, afterShipCheckpoint("soon", "OutForDelivery", "OutForDelivery_001", "Out", "San Francisco"));
        history.set(1, afterShipCheckpoint("2026-11-22T09:14:00", "Teleported", null, "Beamed", null));

        assertThatThrownBy(() -> parseAfterShip(afterShip(history, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("msg.checkpoints[1].tag", "msg.checkpoints[3].checkpoint_time"));
    }

    @Test
    void a_history_longer_than_the_limit_is_refused_and_reported_once() {
        List<ObjectNode> history = new ArrayList<>();
        for (int i = 0; i <= WebhookPayloads.MAX_CHECKPOINTS_READ; i++) {
            history.add(Json.MAPPER.createObjectNode()); // all invalid, yet only the size is reported
        }

        assertThatThrownBy(() -> parseAfterShip(afterShip(history, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("msg.checkpoints"));
    }

    @Test
    void many_bad_checkpoints_are_reported_up_to_a_bound() {
        List<ObjectNode> history = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            history.add(Json.MAPPER.createObjectNode());
        }

        assertThatThrownBy(() -> parseAfterShip(afterShip(history, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .hasSizeBetween(WebhookPayloads.MAX_REPORTED_ERRORS, WebhookPayloads.MAX_REPORTED_ERRORS + 1));
    }

    @Test
    void a_long_history_queues_its_newest_checkpoints_only() {
        List<ObjectNode> history = new ArrayList<>();
        Instant start = Instant.parse("2026-11-20T08:00:00Z");
        for (int i = 0; i < 130; i++) {
            history.add(afterShipCheckpoint(start.plusSeconds(60L * i).toString(), "InTransit", "InTransit_001",
                    "Scan " + i, "Memphis"));
        }

        List<TrackingEvent> events = parseAfterShip(afterShip(history, "2026-11-26"));

        assertThat(events).hasSize(WebhookPayloads.MAX_CHECKPOINTS_QUEUED);
        assertThat(events.getFirst().description()).isEqualTo("Scan 30");
        assertThat(events.getLast().description()).isEqualTo("Scan 129");
        assertThat(events.getLast().estimatedDelivery()).isNotNull();
    }

    private static JsonNode easyPost(String... detailStatusesAndTimes) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("id", "evt_" + UUID.randomUUID().toString().replace("-", "")).put("object", "Event")
                .put("description", "tracker.updated");
        ObjectNode result = body.putObject("result");
        result.put("tracking_code", "9405500207552011812894").put("carrier", "USPS").put("status", "in_transit")
                .put("est_delivery_date", "2026-11-27T00:00:00Z").put("updated_at", "2026-11-24T12:44:43Z");
        ArrayNode details = result.putArray("tracking_details");
        for (int i = 0; i < detailStatusesAndTimes.length; i += 2) {
            ObjectNode detail = details.addObject();
            detail.put("status", detailStatusesAndTimes[i]).put("datetime", detailStatusesAndTimes[i + 1])
                    .put("message", "Scan " + detailStatusesAndTimes[i]).put("description", "").put("status_detail", "status_update");
            detail.putObject("tracking_location").put("city", "HOUSTON").put("state", "TX").putNull("country")
                    .put("zip", "77063");
        }
        return body;
    }

    @Test
    void every_easypost_tracking_detail_is_an_event_and_ids_are_stable_across_deliveries() {
        JsonNode body = easyPost("in_transit", "2026-11-24T12:44:43Z", "pre_transit", "2026-11-23T00:07:43Z");
        List<TrackingEvent> events = ((WebhookPayloads.Parsed.Event) WebhookPayloads.easyPost(body)).events();
        List<TrackingEvent> again = ((WebhookPayloads.Parsed.Event) WebhookPayloads.easyPost(
                easyPost("pre_transit", "2026-11-23T00:07:43Z", "in_transit", "2026-11-24T12:44:43Z"))).events();

        assertThat(events).extracting(TrackingEvent::status)
                .containsExactly(ShipmentStatus.INFO_RECEIVED, ShipmentStatus.IN_TRANSIT);
        assertThat(events.getLast().location()).isEqualTo("HOUSTON, TX, 77063");
        assertThat(events).allSatisfy(e -> assertThat(e.source()).isEqualTo("easypost"));
        assertThat(again).extracting(TrackingEvent::eventId)
                .containsExactlyElementsOf(events.stream().map(TrackingEvent::eventId).toList());
    }

    @Test
    void a_bad_easypost_tracking_detail_is_named_by_its_path() {
        JsonNode body = easyPost("in_transit", "2026-11-24T12:44:43Z", "beamed", "2026-11-23T00:07:43Z");

        assertThatThrownBy(() -> WebhookPayloads.easyPost(body))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("result.tracking_details[1].status"));
    }
}

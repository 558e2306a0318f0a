package com.ordertracking.systemtests.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Deliveries of the documented AfterShip and EasyPost examples as the aggregators really send them: the whole
 * history every time, under a new webhook id, the checkpoints in no promised order; an earlier snapshot arriving
 * late; a later one with a checkpoint the carrier back-filled.
 */
public final class AggregatorHistories {
    /** The carrier times of the AfterShip example's six checkpoints, oldest first (offsets resolved, none = UTC). */
    public static final List<String> AFTERSHIP_TIMES = List.of("2026-11-22T09:14:00Z", "2026-11-22T23:31:00Z",
            "2026-11-24T06:52:00Z", "2026-11-25T05:05:00Z", "2026-11-25T15:48:00Z", "2026-11-25T22:10:00Z");
    public static final List<String> AFTERSHIP_STATUSES = List.of("INFO_RECEIVED", "IN_TRANSIT", "IN_TRANSIT",
            "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED");
    /** The back-filled checkpoint of {@link #afterShipLaterWithBackfill}: between the 2nd and 3rd. */
    public static final String BACKFILLED_TIME = "2026-11-23T20:02:00Z";
    /** The carrier times of the EasyPost example's four tracking details, oldest first. */
    public static final List<String> EASYPOST_TIMES = List.of("2026-11-23T00:07:43Z", "2026-11-23T18:32:10Z",
            "2026-11-24T03:15:22Z", "2026-11-24T12:44:43Z");

    private AggregatorHistories() {
    }

    /** {@code count} deliveries of the AfterShip example, each with its own event_id and shuffled checkpoints. */
    public static List<ObjectNode> afterShipRedeliveries(String trackingNumber, int count, Random random) {
        List<ObjectNode> deliveries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode body = Webhooks.afterShipExample(trackingNumber, UUID.randomUUID().toString());
            shuffle((ArrayNode) body.path("msg").path("checkpoints"), random);
            deliveries.add(body);
        }
        return deliveries;
    }

    /** What AfterShip sent when only the first three checkpoints existed (tag InTransit): arrives late. */
    public static ObjectNode afterShipEarlierSnapshot(String trackingNumber) {
        ObjectNode body = Webhooks.afterShipExample(trackingNumber, UUID.randomUUID().toString());
        ObjectNode msg = (ObjectNode) body.get("msg");
        msg.put("tag", "InTransit").put("subtag", "InTransit_007");
        ArrayNode checkpoints = (ArrayNode) msg.get("checkpoints");
        while (checkpoints.size() > 3) {
            checkpoints.remove(checkpoints.size() - 1);
        }
        return body;
    }

    /** A later delivery: the whole history plus a checkpoint the carrier added afterwards at an older time. */
    public static ObjectNode afterShipLaterWithBackfill(String trackingNumber) {
        ObjectNode body = Webhooks.afterShipExample(trackingNumber, UUID.randomUUID().toString());
        ArrayNode checkpoints = (ArrayNode) body.path("msg").path("checkpoints");
        ObjectNode backfilled = checkpoints.get(1).deepCopy();
        backfilled.put("checkpoint_time", "2026-11-23T14:02:00-06:00").put("subtag", "InTransit_001")
                .put("message", "In Transit to Next Facility");
        checkpoints.add(backfilled);
        return body;
    }

    /** {@code count} deliveries of the EasyPost example, each with its own event id and shuffled tracking details. */
    public static List<ObjectNode> easyPostRedeliveries(String trackingNumber, int count, Random random) {
        List<ObjectNode> deliveries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode body = Webhooks.easyPostExample(trackingNumber,
                    "evt_" + UUID.randomUUID().toString().replace("-", ""));
            shuffle((ArrayNode) body.path("result").path("tracking_details"), random);
            deliveries.add(body);
        }
        return deliveries;
    }

    private static void shuffle(ArrayNode array, Random random) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        Collections.shuffle(elements, random);
        array.removeAll();
        elements.forEach(array::add);
    }
}

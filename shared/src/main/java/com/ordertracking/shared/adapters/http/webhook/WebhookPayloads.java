package com.ordertracking.shared.adapters.http.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.http.JsonFields;
import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.tracking.CarrierStatuses;
import com.ordertracking.shared.domain.tracking.CheckpointIds;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import com.ordertracking.shared.domain.tracking.TrackingNumbers;
import com.ordertracking.shared.domain.validation.Times;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads the three webhook formats into a {@link TrackingEvent}. Called only after the signature
 * has been verified. Incomplete or malformed payloads throw a {@link ValidationException} naming every
 * bad field. Carrier payloads are read leniently otherwise: unknown fields are ignored, because
 * senders add fields without notice.
 */
public final class WebhookPayloads {
    static final int MAX_TEXT = 1000;
    static final int MAX_ID = 128;
    /** A history longer than this is refused (400): no real shipment has one, a hostile body might. */
    public static final int MAX_CHECKPOINTS_READ = 1000;
    /**
     * At most this many checkpoints (the newest) are queued per webhook, bounding the fan-out of one request
     * (10 SendMessageBatch calls); older ones arrived with earlier webhooks of the same tracking.
     */
    public static final int MAX_CHECKPOINTS_QUEUED = 100;
    static final int MAX_REPORTED_ERRORS = 20;

    private WebhookPayloads() {
    }

    /** What a webhook delivered: events to apply, or a valid notification we do not act on. */
    public sealed interface Parsed {
        /** The id the sender gave this webhook delivery (not the id of the events it carries). */
        String eventId();

        /**
         * The events to queue: one for the generic format; one per checkpoint of an aggregator's history, in
         * carrier-time order, each with its own {@link CheckpointIds content-derived id}.
         */
        record Event(String eventId, List<TrackingEvent> events) implements Parsed {
            public Event {
                events = List.copyOf(events);
            }
        }

        record Ignored(String eventId, String reason) implements Parsed {
        }
    }

    /** {@code {eventId, trackingNumber, status, occurredAt, location?, description?, estimatedDelivery?}}. */
    public static Parsed generic(String carrier, JsonNode body) {
        JsonFields fields = JsonFields.root(body);
        fields.throwIfInvalid();
        String eventId = fields.requiredText("eventId", MAX_ID);
        String trackingNumber = trackingNumber(fields, "trackingNumber");
        String rawStatus = fields.requiredText("status", 64);
        ShipmentStatus status = null;
        if (rawStatus != null) {
            status = CarrierStatuses.generic(rawStatus).orElse(null);
            if (status == null) {
                fields.error("status", "must be one of " + Arrays.stream(ShipmentStatus.values())
                        .map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        Instant occurredAt = time(fields, "occurredAt", fields.requiredText("occurredAt", 64));
        String location = fields.optionalText("location", MAX_TEXT);
        String description = fields.optionalText("description", MAX_TEXT);
        Instant eta = time(fields, "estimatedDelivery", fields.optionalText("estimatedDelivery", 64));
        fields.throwIfInvalid();
        return new Parsed.Event(eventId, List.of(new TrackingEvent(carrier, eventId, carrier, trackingNumber, status,
                rawStatus, null, occurredAt, location, description, eta)));
    }

    /**
     * AfterShip tracking webhook: {@code {event, event_id, ts, msg: {tracking_number, slug, tag, subtag,
     * expected_delivery, checkpoints: [{checkpoint_time, tag, subtag, message, location, city, state...}]}}}.
     * Every checkpoint becomes an event (see {@link #history}); a tracking without checkpoints yet is one event
     * of its {@code tag} at {@code ts}.
     */
    public static Parsed afterShip(JsonNode body, byte[] rawBody) {
        JsonFields fields = JsonFields.root(body);
        fields.throwIfInvalid();
        // event_id is documented as always present; derive a stable one from the bytes if not.
        String webhookId = fields.has("event_id") ? fields.requiredText("event_id", MAX_ID) : "sha256-" + digest(rawBody);
        JsonFields msg = fields.requiredObject("msg");
        if (msg == null) {
            fields.throwIfInvalid();
        }
        String trackingNumber = trackingNumber(msg, "tracking_number");
        String slug = slug(msg, "slug");
        String tag = msg.requiredText("tag", 64);
        String subtag = msg.optionalText("subtag", 64);
        ShipmentStatus status = afterShipStatus(msg, "tag", tag, subtag);
        List<Checkpoint> checkpoints = readHistory(msg, "checkpoints", WebhookPayloads::afterShipCheckpoint, fields);
        JsonNode msgNode = msg.node();
        if (checkpoints.isEmpty() && fields.isValid()) {
            Instant ts = epochSeconds(body.path("ts"));
            if (ts == null) {
                fields.error("msg.checkpoints", "must contain a checkpoint with a checkpoint_time (or the body a ts)");
            } else {
                checkpoints.add(Checkpoint.untimed(ts, status, tag, subtag, null,
                        firstText(msgNode, "subtag_message").orElse(null)));
            }
        }
        Instant eta = parseTime(firstText(msgNode, "expected_delivery")
                .or(() -> firstText(msgNode.path("aftership_estimated_delivery_date"), "estimated_delivery_date"))
                .or(() -> firstText(msgNode.path("courier_estimated_delivery_date"), "estimated_delivery_date"))
                .orElse(null));
        fields.throwIfInvalid();
        return new Parsed.Event(webhookId, history("aftership", slug, trackingNumber, checkpoints, eta));
    }

    private static java.util.Optional<Checkpoint> afterShipCheckpoint(JsonFields checkpoint) {
        JsonNode node = checkpoint.node();
        Instant at = time(checkpoint, "checkpoint_time", checkpoint.requiredText("checkpoint_time", 64));
        String tag = checkpoint.requiredText("tag", 64);
        String subtag = firstText(node, "subtag").map(WebhookPayloads::truncateStatus).orElse(null);
        ShipmentStatus status = afterShipStatus(checkpoint, "tag", tag, subtag);
        if (at == null || status == null) {
            return java.util.Optional.empty();
        }
        String location = firstText(node, "location")
                .orElse(join(node, "city", "state", "country_region_name", "country_name"));
        String message = firstText(node, "message").or(() -> firstText(node, "subtag_message")).orElse(null);
        return java.util.Optional.of(Checkpoint.timed(at, status, tag, subtag, location, message));
    }

    private static ShipmentStatus afterShipStatus(JsonFields fields, String name, String tag, String subtag) {
        if (tag == null) {
            return null;
        }
        ShipmentStatus status = CarrierStatuses.afterShip(tag, subtag).orElse(null);
        if (status == null) {
            fields.error(name, "is not an AfterShip delivery status we know");
        }
        return status;
    }

    /**
     * EasyPost event: {@code {id, object: "Event", description: "tracker.updated", result: {tracking_code,
     * carrier, status, status_detail, est_delivery_date, tracking_details: [{datetime, status, status_detail,
     * message, tracking_location}]}}}. Every tracking detail becomes an event (see {@link #history}); a tracker
     * without details yet is one event of its {@code status} at its {@code updated_at}. Events other than
     * tracker.created/tracker.updated are valid but not ours: they are acknowledged and ignored.
     */
    public static Parsed easyPost(JsonNode body) {
        JsonFields fields = JsonFields.root(body);
        fields.throwIfInvalid();
        String webhookId = fields.requiredText("id", MAX_ID);
        String type = fields.requiredText("description", 128);
        fields.throwIfInvalid();
        if (!type.equals("tracker.updated") && !type.equals("tracker.created")) {
            return new Parsed.Ignored(webhookId, "EasyPost " + type + " events are not tracking updates");
        }
        JsonFields result = fields.requiredObject("result");
        if (result == null) {
            fields.throwIfInvalid();
        }
        String trackingNumber = trackingNumber(result, "tracking_code");
        String carrierName = result.requiredText("carrier", 64);
        String carrier = carrierName == null ? null : CarrierStatuses.easyPostCarrier(carrierName);
        String rawStatus = result.requiredText("status", 64);
        String detail = result.optionalText("status_detail", 64);
        ShipmentStatus status = easyPostStatus(result, "status", rawStatus);
        List<Checkpoint> checkpoints = readHistory(result, "tracking_details", WebhookPayloads::easyPostCheckpoint,
                fields);
        JsonNode resultNode = result.node();
        if (checkpoints.isEmpty() && fields.isValid()) {
            Instant updatedAt = parseTime(firstText(resultNode, "updated_at").or(() -> firstText(body, "updated_at"))
                    .orElse(null));
            if (updatedAt == null) {
                fields.error("result.tracking_details", "must contain a detail with a datetime (or result an updated_at)");
            } else {
                checkpoints.add(Checkpoint.untimed(updatedAt, status, rawStatus, detail, null, null));
            }
        }
        Instant eta = parseTime(firstText(resultNode, "est_delivery_date").orElse(null));
        fields.throwIfInvalid();
        return new Parsed.Event(webhookId, history("easypost", carrier, trackingNumber, checkpoints, eta));
    }

    private static java.util.Optional<Checkpoint> easyPostCheckpoint(JsonFields trackingDetail) {
        JsonNode node = trackingDetail.node();
        Instant at = time(trackingDetail, "datetime", trackingDetail.requiredText("datetime", 64));
        String rawStatus = trackingDetail.requiredText("status", 64);
        String detail = firstText(node, "status_detail").map(WebhookPayloads::truncateStatus).orElse(null);
        ShipmentStatus status = easyPostStatus(trackingDetail, "status", rawStatus);
        if (at == null || status == null) {
            return java.util.Optional.empty();
        }
        String location = join(node.path("tracking_location"), "city", "state", "country", "zip");
        String message = firstText(node, "message").or(() -> firstText(node, "description")).orElse(null);
        return java.util.Optional.of(Checkpoint.timed(at, status, rawStatus, detail, location, message));
    }

    private static ShipmentStatus easyPostStatus(JsonFields fields, String name, String rawStatus) {
        if (rawStatus == null) {
            return null;
        }
        ShipmentStatus status = CarrierStatuses.easyPost(rawStatus).orElse(null);
        if (status == null) {
            fields.error(name, "is not an EasyPost tracker status we know");
        }
        return status;
    }

    /**
     * One checkpoint of an aggregator's history, normalized. {@code timed} is false for the stand-in of a
     * tracking that has no checkpoint yet: its time (the webhook's {@code ts}/{@code updated_at}) changes with
     * every delivery, so it is left out of the id and the status is recorded once.
     */
    private record Checkpoint(Instant at, boolean timed, ShipmentStatus status, String rawStatus, String rawSubStatus,
            String location, String message) {
        static Checkpoint timed(Instant at, ShipmentStatus status, String rawStatus, String rawSubStatus,
                String location, String message) {
            return new Checkpoint(at, true, status, rawStatus, rawSubStatus, truncate(location), truncate(message));
        }

        static Checkpoint untimed(Instant at, ShipmentStatus status, String rawStatus, String rawSubStatus,
                String location, String message) {
            return new Checkpoint(at, false, status, rawStatus, rawSubStatus, truncate(location), truncate(message));
        }

        String id(String carrier, String trackingNumber) {
            return CheckpointIds.of(carrier, trackingNumber, timed ? at : null, rawStatus, rawSubStatus, location,
                    message);
        }
    }

    /**
     * The events of one aggregator webhook: one per distinct checkpoint (same content, same id, kept once), in
     * carrier-time order (then id), at most the newest {@link #MAX_CHECKPOINTS_QUEUED}. The tracking's current
     * estimate rides on the newest checkpoint only, so an older checkpoint never brings a stale estimate.
     */
    private static List<TrackingEvent> history(String source, String carrier, String trackingNumber,
            List<Checkpoint> checkpoints, Instant eta) {
        java.util.Map<String, Checkpoint> byId = new java.util.HashMap<>();
        for (Checkpoint checkpoint : checkpoints) {
            byId.putIfAbsent(checkpoint.id(carrier, trackingNumber), checkpoint);
        }
        List<java.util.Map.Entry<String, Checkpoint>> ordered = byId.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Checkpoint>comparingByValue(
                                java.util.Comparator.comparing(Checkpoint::at))
                        .thenComparing(java.util.Map.Entry.comparingByKey()))
                .toList();
        List<java.util.Map.Entry<String, Checkpoint>> kept =
                ordered.subList(Math.max(0, ordered.size() - MAX_CHECKPOINTS_QUEUED), ordered.size());
        List<TrackingEvent> events = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            Checkpoint c = kept.get(i).getValue();
            boolean newest = i == kept.size() - 1;
            events.add(new TrackingEvent(source, kept.get(i).getKey(), carrier, trackingNumber, c.status(),
                    c.rawStatus(), c.rawSubStatus(), c.at(), c.location(), c.message(), newest ? eta : null));
        }
        return events;
    }

    /**
     * The valid entries of a history array (missing or {@code null} = none); invalid ones are errors on
     * {@code root}. More than {@link #MAX_CHECKPOINTS_READ} is refused as a whole and reading stops after
     * {@link #MAX_REPORTED_ERRORS} errors, so a hostile body cannot make us read, report or queue without bound.
     */
    private static List<Checkpoint> readHistory(JsonFields parent, String name,
            java.util.function.Function<JsonFields, java.util.Optional<Checkpoint>> reader, JsonFields root) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        if (!parent.has(name)) {
            return checkpoints;
        }
        for (JsonFields entry : parent.requiredObjectArray(name, 0, MAX_CHECKPOINTS_READ)) {
            reader.apply(entry).ifPresent(checkpoints::add);
            if (tooManyErrors(root)) {
                break;
            }
        }
        return checkpoints;
    }

    /** Enough to fix a payload; a thousand copies of the same mistake help nobody. */
    private static boolean tooManyErrors(JsonFields fields) {
        return !fields.isValid() && fields.errors().size() >= MAX_REPORTED_ERRORS;
    }

    private static Instant epochSeconds(JsonNode ts) {
        if (!ts.canConvertToLong()) {
            return null;
        }
        long seconds = ts.longValue();
        return seconds >= Times.EARLIEST.getEpochSecond() && seconds < Times.LATEST.getEpochSecond()
                ? Instant.ofEpochSecond(seconds) : null;
    }

    private static String truncateStatus(String status) {
        return status.length() <= 64 ? status : status.substring(0, 64);
    }

    private static String trackingNumber(JsonFields fields, String name) {
        String raw = fields.requiredText(name, 80);
        if (raw == null) {
            return null;
        }
        String normalized = TrackingNumbers.normalize(raw);
        if (!TrackingNumbers.isValid(normalized)) {
            fields.error(name, "must be 4 to 64 letters, digits or dashes");
            return null;
        }
        return normalized;
    }

    private static String slug(JsonFields fields, String name) {
        String raw = fields.requiredText(name, 32);
        if (raw == null) {
            return null;
        }
        String slug = raw.toLowerCase(java.util.Locale.ROOT);
        if (!TrackingNumbers.isSlug(slug)) {
            fields.error(name, "must be a carrier slug");
            return null;
        }
        return slug;
    }

    private static Instant time(JsonFields fields, String name, String text) {
        if (text == null) {
            return null;
        }
        Instant readable = parseAnyTime(text);
        if (readable == null) {
            // What parseTime accepts: an offset is optional (UTC is assumed), a bare date is its start.
            fields.error(name, "must be an ISO-8601 date-time (without an offset it is read as UTC) or a date,"
                    + " e.g. 2026-11-23T22:41:07Z");
            return null;
        }
        if (!Times.isPlausible(readable)) {
            fields.error(name, Times.rangeMessage());
            return null;
        }
        return readable;
    }

    /**
     * ISO-8601 with offset; without offset (carriers' local time, as AfterShip sends checkpoint times)
     * it is read as UTC; a bare date is the start of that day in UTC. {@code null} when unreadable.
     */
    static Instant parseTime(String text) {
        Instant parsed = parseAnyTime(text);
        return Times.isPlausible(parsed) ? parsed : null;
    }

    private static Instant parseAnyTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // try the looser forms below
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try a date
        }
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static java.util.Optional<String> firstText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? java.util.Optional.of(value.asText().strip())
                : java.util.Optional.empty();
    }

    private static String join(JsonNode node, String... fields) {
        List<String> parts = new ArrayList<>();
        for (String field : fields) {
            firstText(node, field).ifPresent(parts::add);
        }
        String joined = parts.stream().filter(Objects::nonNull).distinct().collect(Collectors.joining(", "));
        return joined.isEmpty() ? null : joined;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

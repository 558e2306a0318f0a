package com.ordertracking.shared.adapters.http.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.http.JsonFields;
import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.tracking.CarrierStatuses;
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

    private WebhookPayloads() {
    }

    /** What a webhook delivered: an event to apply, or a valid notification we do not act on. */
    public sealed interface Parsed {
        String eventId();

        record Event(TrackingEvent event) implements Parsed {
            @Override
            public String eventId() {
                return event.eventId();
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
        return new Parsed.Event(new TrackingEvent(carrier, eventId, carrier, trackingNumber, status, rawStatus, null,
                occurredAt, location, description, eta));
    }

    /**
     * AfterShip tracking webhook: {@code {event, event_id, ts, msg: {tracking_number, slug, tag, subtag,
     * expected_delivery, checkpoints: [...]}}}. The event is the tracking's current tag, at the time of
     * its newest checkpoint (or {@code ts} when there is none).
     */
    public static Parsed afterShip(JsonNode body, byte[] rawBody) {
        JsonFields fields = JsonFields.root(body);
        fields.throwIfInvalid();
        // event_id is documented as always present; derive a stable one from the bytes if not.
        String eventId = fields.has("event_id") ? fields.requiredText("event_id", MAX_ID) : "sha256-" + digest(rawBody);
        JsonFields msg = fields.requiredObject("msg");
        if (msg == null) {
            fields.throwIfInvalid();
        }
        String trackingNumber = trackingNumber(msg, "tracking_number");
        String slug = slug(msg, "slug");
        String tag = msg.requiredText("tag", 64);
        String subtag = msg.optionalText("subtag", 64);
        ShipmentStatus status = null;
        if (tag != null) {
            status = CarrierStatuses.afterShip(tag, subtag).orElse(null);
            if (status == null) {
                msg.error("tag", "is not an AfterShip delivery status we know");
            }
        }
        JsonNode latest = newest(body.path("msg").path("checkpoints"), "checkpoint_time", fields, "msg.checkpoints");
        Instant occurredAt = latest == null ? null : parseTime(latest.path("checkpoint_time").asText());
        if (occurredAt == null && body.path("ts").canConvertToLong()) {
            long ts = body.path("ts").longValue();
            occurredAt = ts >= Times.EARLIEST.getEpochSecond() && ts < Times.LATEST.getEpochSecond()
                    ? Instant.ofEpochSecond(ts) : null;
        }
        if (occurredAt == null) {
            fields.error("msg.checkpoints", "must contain a checkpoint with a checkpoint_time (or the body a ts)");
        }
        String location = latest == null ? null : firstText(latest, "location")
                .orElse(join(latest, "city", "state", "country_region_name", "country_name"));
        String description = latest == null ? msg.optionalText("subtag_message", MAX_TEXT)
                : firstText(latest, "message").orElse(msg.optionalText("subtag_message", MAX_TEXT));
        Instant eta = parseTime(firstText(body.path("msg"), "expected_delivery")
                .or(() -> firstText(body.path("msg").path("aftership_estimated_delivery_date"), "estimated_delivery_date"))
                .or(() -> firstText(body.path("msg").path("courier_estimated_delivery_date"), "estimated_delivery_date"))
                .orElse(null));
        fields.throwIfInvalid();
        return new Parsed.Event(new TrackingEvent("aftership", eventId, slug, trackingNumber, status, tag, subtag,
                occurredAt, truncate(location), truncate(description), eta));
    }

    /**
     * EasyPost event: {@code {id, object: "Event", description: "tracker.updated", result: {tracking_code,
     * carrier, status, status_detail, est_delivery_date, tracking_details: [...]}}}. Events other than
     * tracker.created/tracker.updated are valid but not ours: they are acknowledged and ignored.
     */
    public static Parsed easyPost(JsonNode body) {
        JsonFields fields = JsonFields.root(body);
        fields.throwIfInvalid();
        String eventId = fields.requiredText("id", MAX_ID);
        String type = fields.requiredText("description", 128);
        fields.throwIfInvalid();
        if (!type.equals("tracker.updated") && !type.equals("tracker.created")) {
            return new Parsed.Ignored(eventId, "EasyPost " + type + " events are not tracking updates");
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
        ShipmentStatus status = null;
        if (rawStatus != null) {
            status = CarrierStatuses.easyPost(rawStatus).orElse(null);
            if (status == null) {
                result.error("status", "is not an EasyPost tracker status we know");
            }
        }
        JsonNode resultNode = body.path("result");
        JsonNode latest = newest(resultNode.path("tracking_details"), "datetime", fields, "result.tracking_details");
        Instant occurredAt = latest == null ? null : parseTime(latest.path("datetime").asText());
        if (occurredAt == null) {
            occurredAt = parseTime(firstText(resultNode, "updated_at").or(() -> firstText(body, "updated_at")).orElse(null));
        }
        if (occurredAt == null) {
            fields.error("result.tracking_details", "must contain a detail with a datetime (or result an updated_at)");
        }
        String location = latest == null ? null
                : join(latest.path("tracking_location"), "city", "state", "country", "zip");
        String description = latest == null ? null : firstText(latest, "message").orElse(null);
        Instant eta = parseTime(firstText(resultNode, "est_delivery_date").orElse(null));
        fields.throwIfInvalid();
        return new Parsed.Event(new TrackingEvent("easypost", eventId, carrier, trackingNumber, status, rawStatus,
                detail, occurredAt, truncate(location), truncate(description), eta));
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

    /** The element of {@code array} with the newest readable {@code timeField}; bad elements are errors. */
    private static JsonNode newest(JsonNode array, String timeField, JsonFields errors, String path) {
        if (array.isMissingNode() || array.isNull()) {
            return null;
        }
        if (!array.isArray()) {
            errors.error(path, "must be an array");
            return null;
        }
        JsonNode newest = null;
        Instant newestAt = null;
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            Instant at = parseTime(element.path(timeField).asText(null));
            if (at == null) {
                errors.error(path + "[" + i + "]." + timeField, "must be an ISO-8601 date-time");
                continue;
            }
            if (newestAt == null || !at.isBefore(newestAt)) {
                newest = element;
                newestAt = at;
            }
        }
        return newest;
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

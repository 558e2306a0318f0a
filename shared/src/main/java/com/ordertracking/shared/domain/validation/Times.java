package com.ordertracking.shared.domain.validation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The window of times this system accepts from clients and carriers. Anything outside it is a
 * mistake (or an attack on sort keys): {@code TableKeys.sortableTime} is fixed-width only for years
 * 0000–9999, and a far-future carrier time would freeze a shipment's "latest checkpoint".
 */
public final class Times {
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private Times() {
    }

    /** An ISO-8601 time with an offset inside the window; empty otherwise (see {@link #invalidMessage}). */
    public static Optional<Instant> parse(String text) {
        return readable(text).filter(Times::isPlausible);
    }

    /** What to tell a client whose {@code text} {@link #parse} refused. */
    public static String invalidMessage(String text) {
        return readable(text).isPresent() ? rangeMessage()
                : "must be an ISO-8601 time with an offset, e.g. 2026-11-27T18:00:00Z";
    }

    private static Optional<Instant> readable(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static boolean isPlausible(Instant time) {
        return time != null && !time.isBefore(EARLIEST) && time.isBefore(LATEST);
    }

    public static String rangeMessage() {
        return "must be between " + EARLIEST + " and " + LATEST;
    }
}

package com.ordertracking.shared.validation;

import java.time.Instant;

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

    public static boolean isPlausible(Instant time) {
        return time != null && !time.isBefore(EARLIEST) && time.isBefore(LATEST);
    }

    public static String rangeMessage() {
        return "must be between " + EARLIEST + " and " + LATEST;
    }
}

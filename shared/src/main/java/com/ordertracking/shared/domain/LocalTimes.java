package com.ordertracking.shared.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Dates and times as a buyer reads them: in the destination's zone ({@link DestinationTimeZones}), times with
 * the zone's abbreviation ("Wed 3 Dec 2025, 19:00 PST"), dates as the local calendar date (an ETA of
 * 2025-12-04T03:00Z is "Dec 3" in Los Angeles and "Dec 4" in Auckland). When the zone is unknown the times are
 * UTC and every text says so, dates included ("Dec 4 (UTC)"), rather than passing UTC off as local.
 */
public record LocalTimes(ZoneId zone, boolean fallback) {
    /** UTC, labelled: for destinations whose zone we cannot tell. */
    public static final LocalTimes UTC_FALLBACK = new LocalTimes(ZoneId.of("UTC"), true);

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z",
            Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    public LocalTimes {
        if (zone == null) {
            throw new IllegalArgumentException("zone is required");
        }
    }

    /** The destination's local time, or labelled UTC when the address does not tell. */
    public static LocalTimes forAddress(Address address) {
        return of(DestinationTimeZones.of(address));
    }

    /** The zone when known, else labelled UTC. */
    public static LocalTimes of(Optional<ZoneId> zone) {
        return zone.map(z -> new LocalTimes(z, false)).orElse(UTC_FALLBACK);
    }

    /** From a stored or transmitted IANA zone id; null, blank or unknown ids mean labelled UTC. */
    public static LocalTimes ofZoneId(String zoneId) {
        return DestinationTimeZones.isZoneId(zoneId) ? new LocalTimes(ZoneId.of(zoneId), false) : UTC_FALLBACK;
    }

    /** "Wed 3 Dec 2025, 19:00 PST"; "Thu 4 Dec 2025, 03:00 UTC" when the zone is unknown. */
    public String dateTime(Instant at) {
        return DATE_TIME.format(at.atZone(zone));
    }

    /** "Wednesday 3 December 2025" (the local date), with " (UTC)" when the zone is unknown. */
    public String longDate(Instant at) {
        return LONG_DATE.format(at.atZone(zone)) + label();
    }

    /** "Dec 3" (the local date), with " (UTC)" when the zone is unknown: short enough for an SMS. */
    public String shortDate(Instant at) {
        return SHORT_DATE.format(at.atZone(zone)) + label();
    }

    /** The local calendar date of an instant, e.g. of an ETA. */
    public LocalDate date(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** "Pacific Time" / "New Zealand Time" / "UTC": what a sentence such as "Times are in …" names. */
    public String zoneName() {
        return fallback ? "UTC" : zone.getDisplayName(TextStyle.FULL_STANDALONE, Locale.ENGLISH);
    }

    private String label() {
        return fallback ? " (UTC)" : "";
    }
}

package com.ordertracking.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LocalTimesTest {
    static final LocalTimes LOS_ANGELES = LocalTimes.forAddress(
            DestinationTimeZonesTest.address("US", "CA", "90012"));
    static final LocalTimes AUCKLAND = LocalTimes.forAddress(DestinationTimeZonesTest.address("NZ", null, "1010"));

    @Test
    void across_the_date_line_the_same_instant_is_a_different_local_day() {
        // GIVEN an ETA that is the evening of Dec 3 in Los Angeles and the afternoon of Dec 4 in Auckland
        Instant eta = Instant.parse("2025-12-04T03:00:00Z");

        // THEN each buyer reads their own calendar date and clock, with the zone named
        assertThat(LOS_ANGELES.date(eta)).isEqualTo(LocalDate.of(2025, 12, 3));
        assertThat(AUCKLAND.date(eta)).isEqualTo(LocalDate.of(2025, 12, 4));
        assertThat(LOS_ANGELES.shortDate(eta)).isEqualTo("Dec 3");
        assertThat(AUCKLAND.shortDate(eta)).isEqualTo("Dec 4");
        assertThat(LOS_ANGELES.longDate(eta)).isEqualTo("Wednesday 3 December 2025");
        assertThat(LOS_ANGELES.dateTime(eta)).isEqualTo("Wed 3 Dec 2025, 19:00 PST");
        assertThat(AUCKLAND.dateTime(eta)).isEqualTo("Thu 4 Dec 2025, 16:00 NZDT");
    }

    @Test
    void samoa_and_american_samoa_are_an_hour_apart_on_the_clock_and_a_day_apart_on_the_calendar() {
        LocalTimes samoa = LocalTimes.forAddress(DestinationTimeZonesTest.address("WS", null, null));
        LocalTimes americanSamoa = LocalTimes.forAddress(DestinationTimeZonesTest.address("AS", null, "96799"));
        LocalTimes kiritimati = LocalTimes.forAddress(DestinationTimeZonesTest.address("KI", "Line Islands", null));
        Instant at = Instant.parse("2026-06-01T11:30:00Z");

        assertThat(samoa.dateTime(at)).isEqualTo("Tue 2 Jun 2026, 00:30 GMT+13:00");
        assertThat(americanSamoa.dateTime(at)).isEqualTo("Mon 1 Jun 2026, 00:30 SST");
        assertThat(kiritimati.dateTime(at)).isEqualTo("Tue 2 Jun 2026, 01:30 GMT+14:00");
    }

    @Test
    void us_spring_forward_shows_the_jump_from_pst_to_pdt() {
        // 2026-03-08: clocks in Los Angeles go from 02:00 PST to 03:00 PDT
        assertThat(LOS_ANGELES.dateTime(Instant.parse("2026-03-08T09:30:00Z"))).isEqualTo("Sun 8 Mar 2026, 01:30 PST");
        assertThat(LOS_ANGELES.dateTime(Instant.parse("2026-03-08T10:30:00Z"))).isEqualTo("Sun 8 Mar 2026, 03:30 PDT");
    }

    @Test
    void us_fall_back_tells_the_repeated_hour_apart_by_its_abbreviation() {
        // 2026-11-01: 01:00-02:00 happens twice in Los Angeles, first PDT then PST
        assertThat(LOS_ANGELES.dateTime(Instant.parse("2026-11-01T08:30:00Z"))).isEqualTo("Sun 1 Nov 2026, 01:30 PDT");
        assertThat(LOS_ANGELES.dateTime(Instant.parse("2026-11-01T09:30:00Z"))).isEqualTo("Sun 1 Nov 2026, 01:30 PST");
    }

    @Test
    void an_eta_around_the_dst_change_is_the_local_date() {
        // GIVEN an ETA of 07:30Z on the spring-forward Sunday: still Saturday evening in Los Angeles (PST, UTC-8)
        Instant eta = Instant.parse("2026-03-08T07:30:00Z");
        // and the same clock time a day later, after the change (PDT, UTC-7), is Sunday already
        Instant nextDay = Instant.parse("2026-03-09T07:30:00Z");

        assertThat(LOS_ANGELES.longDate(eta)).isEqualTo("Saturday 7 March 2026");
        assertThat(LOS_ANGELES.dateTime(eta)).isEqualTo("Sat 7 Mar 2026, 23:30 PST");
        assertThat(LOS_ANGELES.longDate(nextDay)).isEqualTo("Monday 9 March 2026");
        assertThat(LOS_ANGELES.dateTime(nextDay)).isEqualTo("Mon 9 Mar 2026, 00:30 PDT");
    }

    @Test
    void an_unknown_destination_is_utc_and_says_so_even_on_dates() {
        LocalTimes unknown = LocalTimes.forAddress(DestinationTimeZonesTest.address("XX", null, null));
        Instant at = Instant.parse("2025-12-04T03:00:00Z");

        assertThat(unknown.fallback()).isTrue();
        assertThat(unknown.dateTime(at)).isEqualTo("Thu 4 Dec 2025, 03:00 UTC");
        assertThat(unknown.shortDate(at)).isEqualTo("Dec 4 (UTC)");
        assertThat(unknown.longDate(at)).isEqualTo("Thursday 4 December 2025 (UTC)");
        assertThat(unknown.zoneName()).isEqualTo("UTC");
    }

    @Test
    void a_transmitted_zone_id_is_used_when_valid_and_labelled_utc_otherwise() {
        assertThat(LocalTimes.ofZoneId("Pacific/Auckland")).isEqualTo(AUCKLAND);
        assertThat(LocalTimes.ofZoneId(null)).isEqualTo(LocalTimes.UTC_FALLBACK);
        assertThat(LocalTimes.ofZoneId("Nowhere/Special")).isEqualTo(LocalTimes.UTC_FALLBACK);
        assertThat(LOS_ANGELES.zoneName()).isEqualTo("Pacific Time");
    }
}

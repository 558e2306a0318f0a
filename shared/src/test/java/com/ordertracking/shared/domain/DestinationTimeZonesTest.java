package com.ordertracking.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DestinationTimeZonesTest {
    static Address address(String country, String region, String postalCode) {
        return new Address("Ana Souza", "1 Main St", null, "Somewhere", region, postalCode, country, null);
    }

    static Optional<String> zoneOf(String country, String region, String postalCode) {
        return DestinationTimeZones.of(address(country, region, postalCode)).map(ZoneId::getId);
    }

    @ParameterizedTest(name = "{0} region={1} postal={2} → {3}")
    @CsvSource(nullValues = "-", value = {
            // multi-zone countries by region (code, prefixed code or name; accents and case do not matter)
            "US, CA, -, America/Los_Angeles",
            "US, US-NY, -, America/New_York",
            "US, hawaii, -, Pacific/Honolulu",
            "US, Arizona, -, America/Phoenix",
            "CA, BC, -, America/Vancouver",
            "CA, Québec, -, America/Toronto",
            "CA, Newfoundland and Labrador, -, America/St_Johns",
            "MX, BCN, -, America/Tijuana",
            "MX, Quintana Roo, -, America/Cancun",
            "MX, Jalisco, -, America/Mexico_City",
            "BR, AM, -, America/Manaus",
            "BR, São Paulo, -, America/Sao_Paulo",
            "AU, WA, -, Australia/Perth",
            "AU, New South Wales, -, Australia/Sydney",
            "RU, NVS, -, Asia/Novosibirsk",
            "RU, RU-KGD, -, Europe/Kaliningrad",
            "ID, Bali, -, Asia/Makassar",
            "ES, Canarias, -, Atlantic/Canary",
            "KI, L, -, Pacific/Kiritimati",
            // by postal code, which is finer than the region and wins over it
            "US, -, 94105, America/Los_Angeles",
            "US, -, 10001-1234, America/New_York",
            "US, FL, 32501, America/Chicago",
            "US, ID, 83814, America/Los_Angeles",
            "US, -, 99501, America/Anchorage",
            "CA, -, V6B 1A1, America/Vancouver",
            "CA, -, X0A 0H0, America/Iqaluit",
            "CA, -, X1A 2P7, America/Edmonton",
            "AU, NSW, 2880, Australia/Broken_Hill",
            "AU, -, 0800, Australia/Darwin",
            "AU, -, 6000, Australia/Perth",
            "BR, -, 69900-000, America/Rio_Branco",
            "BR, PE, 53990-000, America/Noronha",
            "BR, -, 01310-100, America/Sao_Paulo",
            "MX, -, 22000, America/Tijuana",
            "MX, -, 06600, America/Mexico_City",
            "RU, -, 630099, Asia/Novosibirsk",
            "RU, -, 690091, Asia/Vladivostok",
            "RU, -, 101000, Europe/Moscow",
            "PT, -, 9500-123, Atlantic/Azores",
            "ES, -, 38001, Atlantic/Canary",
            // an unrecognised postal code falls through to the region, then to the country's main zone
            "US, WA, ABCDE, America/Los_Angeles",
            "US, -, -, America/New_York",
            "AU, Nowhere, -, Australia/Sydney",
            "RU, -, -, Europe/Moscow",
            // single-zone countries by the table
            "NZ, -, 1010, Pacific/Auckland",
            "WS, -, -, Pacific/Apia",
            "AS, -, 96799, Pacific/Pago_Pago",
            "DE, -, 10115, Europe/Berlin",
            "GB, -, SW1A 1AA, Europe/London",
            "JP, -, 100-0001, Asia/Tokyo",
            "IN, -, 110001, Asia/Kolkata",
            "ZA, -, 8001, Africa/Johannesburg",
            "fr, -, 75001, Europe/Paris",
    })
    void the_destination_decides_the_zone(String country, String region, String postalCode, String zone) {
        assertThat(zoneOf(country, region, postalCode)).contains(zone);
    }

    @Test
    void an_unknown_or_missing_country_has_no_zone() {
        assertThat(zoneOf("XX", "CA", "94105")).isEmpty();
        assertThat(zoneOf(null, "CA", "94105")).isEmpty();
        assertThat(DestinationTimeZones.of(null)).isEmpty();
    }

    @Test
    void every_country_with_a_zone_in_tzdata_is_in_the_table() {
        Set<String> expected = new java.util.TreeSet<>(Set.of(Locale.getISOCountries()));
        // Uninhabited or without a civil time of their own: Antarctica, Bouvet, Heard and McDonald, the US outlying islands.
        expected.removeAll(Set.of("AQ", "BV", "HM", "UM"));

        assertThat(DestinationTimeZones.countries()).containsAll(expected);
    }

    @Test
    void only_region_zone_ids_are_accepted_as_zone_ids() {
        assertThat(DestinationTimeZones.isZoneId("Europe/Berlin")).isTrue();
        assertThat(DestinationTimeZones.isZoneId("europe/berlin")).isFalse();
        assertThat(DestinationTimeZones.isZoneId("+02:00")).isFalse();
        assertThat(DestinationTimeZones.isZoneId("PST")).isFalse();
        assertThat(DestinationTimeZones.isZoneId("Mars/Olympus_Mons")).isFalse();
        assertThat(DestinationTimeZones.isZoneId(null)).isFalse();
    }
}

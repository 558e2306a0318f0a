package com.ordertracking.shared.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link TableKeys#sortableTime} must sort like time. The format is fixed-width for years 0000 to
 * 9999 (a five-digit year would gain a '+' sign), which covers every timestamp the system writes.
 */
class TableKeysPropertiesTest {
    private static final long MIN_SECOND = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long MAX_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(
                Arbitraries.longs().between(MIN_SECOND, MAX_SECOND),
                // dense around "now" so that near-equal instants are common
                Arbitraries.longs().between(1_700_000_000L, 1_700_000_010L));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    @Property(tries = 2000)
    void lexicographic_order_of_sortable_time_equals_time_order(@ForAll("instants") Instant a, @ForAll("instants") Instant b) {
        // GIVEN two instants WHEN both are formatted
        String sa = TableKeys.sortableTime(a);
        String sb = TableKeys.sortableTime(b);
        // THEN the strings compare exactly as the instants do at millisecond precision
        int byTime = a.truncatedTo(ChronoUnit.MILLIS).compareTo(b.truncatedTo(ChronoUnit.MILLIS));
        assertThat(Integer.signum(sa.compareTo(sb))).isEqualTo(Integer.signum(byTime));
    }

    @Property(tries = 1000)
    void sortable_time_is_fixed_width_and_parses_back_to_the_millisecond(@ForAll("instants") Instant time) {
        String text = TableKeys.sortableTime(time);
        assertThat(text).hasSize(24).endsWith("Z");
        assertThat(Instant.parse(text)).isEqualTo(time.truncatedTo(ChronoUnit.MILLIS));
    }
}

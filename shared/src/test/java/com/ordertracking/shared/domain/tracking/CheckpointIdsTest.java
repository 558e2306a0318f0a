package com.ordertracking.shared.domain.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckpointIdsTest {
    private static final Instant AT = Instant.parse("2026-11-24T06:52:00Z");

    private static String id(String carrier, String number, Instant at, String status, String sub, String location,
            String message) {
        return CheckpointIds.of(carrier, number, at, status, sub, location, message);
    }

    @Test
    void the_same_checkpoint_has_the_same_id_whatever_offset_its_time_was_written_in() {
        String utc = id("usps", "9400111899223197428490", AT, "InTransit", "InTransit_007", "Memphis, TN 38118", "Departed");
        Instant sameInstantWithOffset = OffsetDateTime.parse("2026-11-24T00:52:00-06:00").toInstant();

        assertThat(id("usps", "9400111899223197428490", sameInstantWithOffset, "InTransit", "InTransit_007",
                "Memphis, TN 38118", "Departed")).isEqualTo(utc);
        assertThat(utc).matches("cp-[0-9a-f]{40}");
    }

    @Test
    void each_field_of_the_checkpoint_changes_the_id() {
        List<String> ids = List.of(
                id("usps", "9400111899223197428490", AT, "InTransit", "InTransit_007", "Memphis", "Departed"),
                id("fedex", "9400111899223197428490", AT, "InTransit", "InTransit_007", "Memphis", "Departed"),
                id("usps", "9400111899223197428491", AT, "InTransit", "InTransit_007", "Memphis", "Departed"),
                id("usps", "9400111899223197428490", AT.plusSeconds(60), "InTransit", "InTransit_007", "Memphis", "Departed"),
                id("usps", "9400111899223197428490", AT, "Delivered", "InTransit_007", "Memphis", "Departed"),
                id("usps", "9400111899223197428490", AT, "InTransit", "InTransit_003", "Memphis", "Departed"),
                id("usps", "9400111899223197428490", AT, "InTransit", "InTransit_007", "Houston", "Departed"),
                id("usps", "9400111899223197428490", AT, "InTransit", "InTransit_007", "Memphis", "Arrived"),
                id("usps", "9400111899223197428490", null, "InTransit", "InTransit_007", "Memphis", "Departed"));

        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void fields_cannot_be_shifted_into_each_other_and_null_differs_from_empty() {
        Set<String> ids = new HashSet<>(List.of(
                id("usps", "AB", AT, "In", "Transit", null, null),
                id("usps", "AB", AT, "InTransit", null, null, null),
                id("usps", "AB", AT, "InTransit", "", null, null),
                id("usps", "AB", AT, "In", "Transit", "", null),
                id("usps", "AB", AT, "In", "Transit", null, "")));

        assertThat(ids).hasSize(5);
    }
}

package com.ordertracking.shared.domain.sellerwebhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void the_default_waits_5_s_5_min_30_min_2_h_5_h_10_h_10_h_and_spans_more_than_a_day() {
        RetrySchedule schedule = RetrySchedule.DEFAULT;

        assertThat(schedule.delayAfter(1)).contains(Duration.ofSeconds(5));
        assertThat(schedule.delayAfter(2)).contains(Duration.ofMinutes(5));
        assertThat(schedule.delayAfter(3)).contains(Duration.ofMinutes(30));
        assertThat(schedule.delayAfter(4)).contains(Duration.ofHours(2));
        assertThat(schedule.delayAfter(5)).contains(Duration.ofHours(5));
        assertThat(schedule.delayAfter(6)).contains(Duration.ofHours(10));
        assertThat(schedule.delayAfter(7)).contains(Duration.ofHours(10));
        assertThat(schedule.delayAfter(8)).isEmpty();
        assertThat(schedule.maxAttempts()).isEqualTo(8);
        assertThat(schedule.span()).isGreaterThan(Duration.ofHours(24));
    }

    @Test
    void there_is_no_delay_before_the_first_attempt_or_after_the_last() {
        RetrySchedule schedule = RetrySchedule.parse("1, 2");

        assertThat(schedule.delayAfter(0)).isEmpty();
        assertThat(schedule.delayAfter(1)).contains(Duration.ofSeconds(1));
        assertThat(schedule.delayAfter(2)).contains(Duration.ofSeconds(2));
        assertThat(schedule.delayAfter(3)).isEmpty();
        assertThat(RetrySchedule.parse("").maxAttempts()).isEqualTo(1);
    }

    @Test
    void a_malformed_setting_fails_at_start_naming_the_value() {
        assertThatThrownBy(() -> RetrySchedule.parse("5,soon")).hasMessageContaining("5,soon");
        assertThatThrownBy(() -> RetrySchedule.parse("-5")).isInstanceOf(IllegalArgumentException.class);
    }
}

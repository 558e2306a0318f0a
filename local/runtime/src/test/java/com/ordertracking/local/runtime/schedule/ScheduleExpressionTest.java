package com.ordertracking.local.runtime.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }

    private static Instant next(String expression, String after) {
        return ScheduleExpression.parse(expression).nextAfter(t(after), t(after)).orElseThrow();
    }

    @Test
    void rates_count_from_the_anchor() {
        var rate = ScheduleExpression.parse("rate(5 minutes)");
        assertThat(rate).isEqualTo(new ScheduleExpression.Rate(Duration.ofMinutes(5)));
        Instant anchor = t("2025-01-01T10:00:30Z");
        assertThat(rate.nextAfter(anchor, anchor)).hasValue(t("2025-01-01T10:05:30Z"));
        assertThat(rate.nextAfter(t("2025-01-01T10:05:30Z"), anchor)).hasValue(t("2025-01-01T10:10:30Z"));
        assertThat(rate.nextAfter(t("2025-01-01T10:07:00Z"), anchor)).hasValue(t("2025-01-01T10:10:30Z"));
        assertThat(ScheduleExpression.parse("rate(1 minute)")).isEqualTo(new ScheduleExpression.Rate(Duration.ofMinutes(1)));
        assertThat(ScheduleExpression.parse("rate(2 hours)")).isEqualTo(new ScheduleExpression.Rate(Duration.ofHours(2)));
        assertThat(ScheduleExpression.parse("rate(1 day)")).isEqualTo(new ScheduleExpression.Rate(Duration.ofDays(1)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // expression                         | after                  | expected next
        "cron(0 10 * * ? *)                   | 2025-01-01T09:59:00Z | 2025-01-01T10:00:00Z",
        "cron(0 10 * * ? *)                   | 2025-01-01T10:00:00Z | 2025-01-02T10:00:00Z",
        "cron(0/15 * * * ? *)                 | 2025-01-01T10:07:12Z | 2025-01-01T10:15:00Z",
        "cron(*/20 8-9 * * ? *)               | 2025-01-01T09:41:00Z | 2025-01-02T08:00:00Z",
        "cron(15,45 12 ? * MON-FRI *)         | 2025-01-03T12:50:00Z | 2025-01-06T12:15:00Z",
        "cron(0 18 ? * 2 *)                   | 2025-01-01T00:00:00Z | 2025-01-06T18:00:00Z",
        "cron(0 0 L * ? *)                    | 2025-02-10T00:00:00Z | 2025-02-28T00:00:00Z",
        "cron(0 0 L * ? *)                    | 2024-02-10T00:00:00Z | 2024-02-29T00:00:00Z",
        "cron(0 9 LW * ? *)                   | 2025-05-01T00:00:00Z | 2025-05-30T09:00:00Z",
        "cron(0 9 15W * ? *)                  | 2025-06-01T00:00:00Z | 2025-06-16T09:00:00Z",
        "cron(0 9 1W * ? *)                   | 2025-02-02T00:00:00Z | 2025-02-03T09:00:00Z",
        "cron(0 12 ? * 6L *)                  | 2025-01-01T00:00:00Z | 2025-01-31T12:00:00Z",
        "cron(0 12 ? * 2#3 *)                 | 2025-01-01T00:00:00Z | 2025-01-20T12:00:00Z",
        "cron(30 6 1 JAN,JUL ? 2026-2027)     | 2025-03-01T00:00:00Z | 2026-01-01T06:30:00Z",
        "cron(0 0 29 2 ? *)                   | 2025-01-01T00:00:00Z | 2028-02-29T00:00:00Z",
    })
    void computes_next_cron_fire_times(String expression, String after, String expected) {
        assertThat(next(expression.trim(), after.trim())).isEqualTo(t(expected.trim()));
    }

    @Test
    void cron_with_only_past_years_has_no_next_fire() {
        assertThat(ScheduleExpression.parse("cron(0 0 1 1 ? 2020)").nextAfter(t("2025-01-01T00:00:00Z"),
                t("2025-01-01T00:00:00Z"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "rate(0 minutes)", "rate(1 minutes)", "rate(5 minute)", "rate(5 weeks)", "rate(x minutes)",
        "cron(0 10 * * *)", "cron(0 10 * * * *)", "cron(0 10 ? * ? *)", "cron(60 10 * * ? *)",
        "cron(0 10 ? * FRI-MON *)", "cron(0 10 ? * 2#6 *)", "cron(0 10 H * ? *)", "every 5 minutes"
    })
    void rejects_unsupported_or_invalid_expressions(String expression) {
        assertThatThrownBy(() -> ScheduleExpression.parse(expression)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("null");
    }
}

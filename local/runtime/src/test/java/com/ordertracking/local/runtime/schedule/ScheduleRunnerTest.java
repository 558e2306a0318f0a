package com.ordertracking.local.runtime.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.ordertracking.local.runtime.invoke.HandlerInvoker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ScheduleRunnerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void run_now_invokes_with_an_event_bridge_scheduled_event() {
        List<Object> events = new CopyOnWriteArrayList<>();
        HandlerInvoker fn = (event, trigger) -> {
            events.add(event);
            return "done";
        };
        var config = new ScheduleRunner.ScheduleConfig("Cleanup", "CleanupRule", "cron(0 3 * * ? *)", false,
                "eu-west-1", "123456789012");
        try (var runner = new ScheduleRunner(List.of(config), Map.of("Cleanup", fn)::get, CLOCK).start()) {
            assertThat(runner.runNow("Cleanup")).isEqualTo("done");
            assertThat(runner.nextFireTime("Cleanup", CLOCK.instant()))
                    .isEqualTo(Instant.parse("2025-01-02T03:00:00Z"));
        }
        var event = (ScheduledEvent) events.getFirst();
        assertThat(event.getSource()).isEqualTo("aws.events");
        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getResources()).containsExactly("arn:aws:events:eu-west-1:123456789012:rule/CleanupRule");
        assertThat(event.getAccount()).isEqualTo("123456789012");
        assertThat(event.getRegion()).isEqualTo("eu-west-1");
        assertThat(event.getTime().getMillis()).isEqualTo(CLOCK.millis());
        assertThat(event.getId()).isNotBlank();
        assertThat(event.getDetail()).isEmpty();
    }

    @Test
    void bad_expression_fails_at_construction_with_the_function_name() {
        var config = new ScheduleRunner.ScheduleConfig("Cleanup", null, "rate(5 weeks)", true, null, null);
        assertThatThrownBy(() -> new ScheduleRunner(List.of(config), name -> null, CLOCK))
                .hasMessageContaining("Cleanup").hasMessageContaining("rate unit");
    }
}

package com.ordertracking.shared.domain.sellerwebhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EndpointBreakerTest {
    private static final Instant NOW = Instant.parse("2026-12-06T01:00:00Z");

    @Test
    void a_timeout_or_connection_error_suspends_the_endpoint_for_30_s() {
        EndpointBreaker tripped = EndpointBreaker.CLOSED.after(new AttemptOutcome.Unreachable("no response within 10 s"),
                NOW, RetrySchedule.DEFAULT);

        assertThat(tripped).isEqualTo(new EndpointBreaker(1, NOW.plusSeconds(30)));
        assertThat(tripped.suspendedAt(NOW.plusSeconds(29))).isTrue();
        assertThat(tripped.suspendedAt(NOW.plusSeconds(30))).isFalse();
        assertThat(EndpointBreaker.CLOSED.suspendedAt(NOW)).isFalse();
    }

    @Test
    void a_5xx_trips_it_but_a_4xx_410_or_a_refused_url_say_nothing_about_the_receivers_health() {
        assertThat(EndpointBreaker.CLOSED.after(new AttemptOutcome.Rejected(503), NOW, RetrySchedule.DEFAULT)
                .suspendedAt(NOW)).isTrue();
        assertThat(EndpointBreaker.CLOSED.after(new AttemptOutcome.Rejected(400), NOW, RetrySchedule.DEFAULT))
                .isEqualTo(EndpointBreaker.CLOSED);
        assertThat(EndpointBreaker.CLOSED.after(new AttemptOutcome.Gone(), NOW, RetrySchedule.DEFAULT))
                .isEqualTo(EndpointBreaker.CLOSED);
        assertThat(EndpointBreaker.CLOSED.after(new AttemptOutcome.Unreachable(AttemptOutcome.URL_REFUSED + "private"),
                NOW, RetrySchedule.DEFAULT)).isEqualTo(EndpointBreaker.CLOSED);
    }

    @Test
    void the_back_off_doubles_per_consecutive_failure_up_to_the_schedules_longest_wait_and_a_2xx_closes_it() {
        EndpointBreaker breaker = EndpointBreaker.CLOSED;
        AttemptOutcome timeout = new AttemptOutcome.Unreachable("no response within 10 s");
        for (int i = 0; i < 3; i++) {
            breaker = breaker.after(timeout, NOW, RetrySchedule.DEFAULT);
        }
        assertThat(breaker).isEqualTo(new EndpointBreaker(3, NOW.plusSeconds(120)));

        for (int i = 0; i < 40; i++) {
            breaker = breaker.after(timeout, NOW, RetrySchedule.DEFAULT);
        }
        assertThat(breaker.suspendedUntil()).isEqualTo(NOW.plus(Duration.ofHours(10)));
        assertThat(EndpointBreaker.CLOSED.after(timeout, NOW, RetrySchedule.parse("1,1,1")).suspendedUntil())
                .isEqualTo(NOW.plusSeconds(1));

        assertThat(breaker.after(new AttemptOutcome.Delivered(204), NOW, RetrySchedule.DEFAULT))
                .isEqualTo(EndpointBreaker.CLOSED);
    }
}

package com.ordertracking.shared.domain.sellerwebhook;

import java.time.Duration;
import java.time.Instant;

/**
 * Per-endpoint circuit breaker: after an attempt that found the receiver down (no answer, connection error or
 * 5xx) the endpoint is suspended for a back-off that doubles with each consecutive failure, from {@link #FIRST}
 * up to the retry schedule's longest wait; the first 2xx closes it. While suspended, due deliveries are put off
 * to the suspension's end without an attempt, so a dead receiver costs a read per delivery, not a 10 s hold.
 *
 * @param consecutiveFailures failures since the last success
 * @param suspendedUntil      no attempt before this instant; null when closed
 */
public record EndpointBreaker(int consecutiveFailures, Instant suspendedUntil) {
    public static final EndpointBreaker CLOSED = new EndpointBreaker(0, null);
    public static final Duration FIRST = Duration.ofSeconds(30);

    public EndpointBreaker {
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must not be negative");
        }
    }

    public boolean suspendedAt(Instant now) {
        return suspendedUntil != null && now.isBefore(suspendedUntil);
    }

    /** The breaker after {@code outcome}; the same breaker when the outcome says nothing about the receiver's health. */
    public EndpointBreaker after(AttemptOutcome outcome, Instant now, RetrySchedule schedule) {
        return switch (outcome) {
            case AttemptOutcome.Delivered d -> CLOSED;
            case AttemptOutcome.Unreachable u when u.reason().startsWith(AttemptOutcome.URL_REFUSED) -> this;
            case AttemptOutcome.Unreachable u -> tripped(now, schedule);
            case AttemptOutcome.Rejected r when r.status() >= 500 -> tripped(now, schedule);
            case AttemptOutcome.Rejected r -> this;
            case AttemptOutcome.Gone g -> this;
        };
    }

    private EndpointBreaker tripped(Instant now, RetrySchedule schedule) {
        int failures = consecutiveFailures + 1;
        return new EndpointBreaker(failures, now.plus(backOff(failures, schedule)));
    }

    /** {@link #FIRST} doubled per further failure, never longer than the retry schedule's longest wait. */
    static Duration backOff(int failures, RetrySchedule schedule) {
        Duration cap = schedule.delays().stream().max(Duration::compareTo).orElse(FIRST);
        Duration wait = FIRST.multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}

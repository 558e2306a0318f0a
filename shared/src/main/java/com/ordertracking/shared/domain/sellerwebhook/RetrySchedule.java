package com.ordertracking.shared.domain.sellerwebhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How long to wait after each failed attempt: {@code delays.get(n - 1)} after the n-th failure; once the list
 * is used up the delivery has failed for good. The default spans more than 24 hours (about 27.7 h) so a
 * receiver that is down for a day still gets everything.
 */
public record RetrySchedule(List<Duration> delays) {
    public static final RetrySchedule DEFAULT = parse("5,300,1800,7200,18000,36000,36000");

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.stream().anyMatch(d -> d.isNegative())) {
            throw new IllegalArgumentException("Retry delays must not be negative: " + delays);
        }
    }

    /** Comma-separated seconds, e.g. {@code 5,300,1800} (the form of {@code WEBHOOK_RETRY_SCHEDULE_SECONDS}). */
    public static RetrySchedule parse(String seconds) {
        List<Duration> delays = new ArrayList<>();
        for (String part : seconds.split(",")) {
            if (!part.isBlank()) {
                try {
                    delays.add(Duration.ofSeconds(Long.parseLong(part.strip())));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Retry schedule must be comma-separated seconds, got: " + seconds, e);
                }
            }
        }
        return new RetrySchedule(delays);
    }

    /** Attempts in total: the first one plus one per delay. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** The wait before the next attempt after {@code failedAttempts} failures; empty when none is left. */
    public Optional<Duration> delayAfter(int failedAttempts) {
        return failedAttempts >= 1 && failedAttempts <= delays.size()
                ? Optional.of(delays.get(failedAttempts - 1)) : Optional.empty();
    }

    /** How long from the first attempt to the last one. */
    public Duration span() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }
}

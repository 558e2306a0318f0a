package com.ordertracking.shared.application;

import java.util.concurrent.ThreadLocalRandom;

/** Full-jitter exponential back-off between attempts that collided with a concurrent writer. */
public final class Backoff {
    private Backoff() {
    }

    /** Sleeps a random time below min(1 s, 20 ms × 2^attempt), so colliding writers spread out. */
    public static void pause(int attempt) {
        long cap = Math.min(1_000, 20L << Math.min(attempt, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a conflicting write", e);
        }
    }
}

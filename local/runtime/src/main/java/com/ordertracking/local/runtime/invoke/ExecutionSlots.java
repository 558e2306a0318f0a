package com.ordertracking.local.runtime.invoke;

import java.util.concurrent.Semaphore;

/**
 * How many function invocations of one pool execute at once (the runtime keeps one pool for HTTP functions and one
 * for queue, stream and schedule consumers, so intake never waits behind a draining consumer); the rest wait, first
 * come first served, and
 * their timeout clock starts only when they get a slot (as on Lambda, where it starts when an environment runs
 * the invocation, not when the request arrived).
 *
 * <p>Why a bound at all: every function of the runtime shares one embedded stack, and DynamoDB Local executes
 * writes one at a time (one global write lock, one SQLite thread). Unbounded, 32 HTTP clients plus several queue
 * consumers put 30+ writes in that line; right after boot (cold code) on a busy 2-core machine each write took
 * hundreds of milliseconds, so invocations timed out at 10 s while waiting for other functions' writes, not for
 * their own work, and a notifier cut off after its SMS was retried and texted again. Thread dumps showed every
 * stalled invocation in {@code LocalDBAccess$WriteLockWithTimeout}, nothing deadlocked. With a bound, the wait moves
 * in front of the invocation, where it costs latency instead of a timeout and a repeated side effect.
 */
public final class ExecutionSlots {
    /** Overridable with {@code -Dlocal.maxConcurrentInvocations=N}. */
    public static final String PROPERTY = "local.maxConcurrentInvocations";

    private final int slots;
    private final Semaphore semaphore;

    public ExecutionSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1: " + slots);
        }
        this.slots = slots;
        this.semaphore = new Semaphore(slots, true);
    }

    /**
     * The default: four per core, at least eight. Measured with the throughput harness (150 orders, 32 clients, same
     * 2-core machine under load 12–15): 8 slots gave no timeouts, 11.5 distinct tracking events/s and webhook 202 p50
     * 0.9 s; 4 slots also no timeouts but 5.5 events/s and p50 1.4 s (webhook intake waited behind DynamoDB-bound
     * invocations); unbounded, 251 timeouts and the harness aborted. Few enough that a write waits for a handful of
     * others, not for thirty.
     */
    public static ExecutionSlots fromSystemProperties() {
        String configured = System.getProperty(PROPERTY);
        int slots = configured != null ? Integer.parseInt(configured.trim())
                : Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
        return new ExecutionSlots(slots);
    }

    /** Overrides the event-consumer pool alone (queue, stream and schedule consumers), for the throughput harness. */
    public static final String EVENT_PROPERTY = "local.maxConcurrentEventInvocations";

    /** The pool of queue, stream and schedule consumers: {@link #EVENT_PROPERTY}, else as {@link #fromSystemProperties()}. */
    public static ExecutionSlots forEventConsumers() {
        String configured = System.getProperty(EVENT_PROPERTY);
        return configured != null ? new ExecutionSlots(Integer.parseInt(configured.trim())) : fromSystemProperties();
    }

    /** As many slots as any test could use: no waiting. */
    public static ExecutionSlots unbounded() {
        return new ExecutionSlots(Integer.MAX_VALUE);
    }

    public int slots() {
        return slots;
    }

    /** Invocations executing right now. */
    public int inUse() {
        return slots - semaphore.availablePermits();
    }

    /** Blocks until a slot is free; the caller must {@link #release()} it. */
    void acquire() throws InterruptedException {
        semaphore.acquire();
    }

    void release() {
        semaphore.release();
    }
}

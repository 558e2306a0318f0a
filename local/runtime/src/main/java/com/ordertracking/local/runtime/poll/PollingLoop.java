package com.ordertracking.local.runtime.poll;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The thread behind one poller (a stream shard, a stream's shard discovery): runs {@code round} repeatedly on a
 * virtual thread until stopped, and on close lets an in-flight round finish (its deletes/checkpoints matter) for up
 * to {@code grace} before interrupting it. Pauses between rounds can be cut short by {@link #wake()}, so an idle
 * poller may back off for seconds yet react quickly once there is work.
 */
public final class PollingLoop implements AutoCloseable {
    private final String name;
    private final Runnable round;
    private final Duration grace;
    private volatile boolean running;
    private volatile boolean woken;
    private volatile Thread thread;

    /** @param round one polling round; the loop calls it again while {@link #isRunning()} */
    public PollingLoop(String name, Runnable round, Duration grace) {
        this.name = name;
        this.round = round;
        this.grace = grace;
    }

    public synchronized void start() {
        if (thread == null) {
            running = true;
            thread = Thread.ofVirtual().name(name).unstarted(() -> {
                while (running) {
                    round.run();
                }
            });
            thread.start();
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** Pauses between rounds (pacing or back-off); an interrupt ends the loop. */
    public void pause(Duration duration) {
        pause(duration, duration);
    }

    /**
     * Pauses for {@code duration}, or, if {@link #wake()} is called meanwhile, until {@code onWake} after the pause
     * began (whichever is earlier). An interrupt ends the loop.
     */
    public void pause(Duration duration, Duration onWake) {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        while (running) {
            if (woken) { // also a wake that came during the last round: there may be work already
                woken = false;
                deadline = Math.min(deadline, start + onWake.toNanos());
            }
            long now = System.nanoTime();
            if (now >= deadline) {
                return;
            }
            LockSupport.parkNanos(this, deadline - now);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** Shortens the current pause (or, during a round, the next one) to its {@code onWake} length. Thread-safe. */
    public void wake() {
        if (!woken) {
            woken = true;
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** Ends the loop after the current round without waiting for it (see {@link #close()}). */
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null) {
            LockSupport.unpark(t);
            try {
                if (!t.join(grace)) {
                    t.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

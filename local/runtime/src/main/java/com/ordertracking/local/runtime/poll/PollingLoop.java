package com.ordertracking.local.runtime.poll;

import java.time.Duration;

/**
 * The thread behind an event source mapping: runs {@code body} repeatedly on a virtual thread until
 * closed, and on close lets an in-flight round finish (its deletes/checkpoints matter) for up to
 * {@code grace} before interrupting it.
 */
public final class PollingLoop implements AutoCloseable {
    private final String name;
    private final Runnable round;
    private final Duration grace;
    private volatile boolean running;
    private Thread thread;

    /** @param round one polling round; the loop calls it again while {@link #isRunning()} */
    public PollingLoop(String name, Runnable round, Duration grace) {
        this.name = name;
        this.round = round;
        this.grace = grace;
    }

    public synchronized void start() {
        if (thread == null) {
            running = true;
            thread = Thread.ofVirtual().name(name).start(() -> {
                while (running) {
                    round.run();
                }
            });
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** Pauses between rounds (pacing or back-off); an interrupt ends the loop. */
    public void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
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

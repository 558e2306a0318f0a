package com.ordertracking.local.runtime.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PollingLoopTest {

    @Test
    void wakeCutsALongIdlePauseShort() {
        AtomicInteger rounds = new AtomicInteger();
        AtomicReference<PollingLoop> self = new AtomicReference<>();
        var loop = new PollingLoop("test", () -> {
            rounds.incrementAndGet();
            self.get().pause(Duration.ofMinutes(10), Duration.ZERO); // an idle back-off far longer than the test
        }, Duration.ofSeconds(1));
        self.set(loop);
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 1);
            loop.wake();
            await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 2);
        } finally {
            loop.close();
        }
    }

    @Test
    void aWakeDuringARoundShortensTheNextPause() {
        AtomicInteger rounds = new AtomicInteger();
        AtomicReference<PollingLoop> self = new AtomicReference<>();
        var loop = new PollingLoop("test", () -> {
            if (rounds.incrementAndGet() == 1) {
                self.get().wake(); // e.g. a function wrote while this round was fetching
            }
            self.get().pause(Duration.ofMinutes(10), Duration.ZERO);
        }, Duration.ofSeconds(1));
        self.set(loop);
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 2);
        } finally {
            loop.close();
        }
    }

    @Test
    void closeEndsAPauseAtOnceAndStopsTheLoop() {
        AtomicInteger rounds = new AtomicInteger();
        AtomicReference<PollingLoop> self = new AtomicReference<>();
        var loop = new PollingLoop("test", () -> {
            rounds.incrementAndGet();
            self.get().pause(Duration.ofMinutes(10));
        }, Duration.ofSeconds(30));
        self.set(loop);
        loop.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 1);

        assertTimeoutPreemptively(Duration.ofSeconds(10), loop::close);
        assertThat(loop.isRunning()).isFalse();
        assertThat(rounds).hasValue(1);
    }
}

package com.ordertracking.local.runtime.schedule;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.ordertracking.local.runtime.invoke.FunctionInvocationException;
import com.ordertracking.local.runtime.invoke.HandlerInvoker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires Schedule events (EventBridge rules) at their functions. One daemon scheduler thread keeps the timetable;
 * each firing runs on its own virtual thread so a slow function never delays other schedules. The next fire time is
 * computed from the previous planned time, not from when the invocation finished, so rates don't drift.
 */
public final class ScheduleRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunner.class);

    /**
     * @param ruleName   used for the rule ARN in {@code resources}
     * @param expression {@code rate(...)} or {@code cron(...)}, see {@link ScheduleExpression}
     * @param enabled    disabled schedules are only run through {@link #runNow}
     */
    public record ScheduleConfig(String functionName, String ruleName, String expression, boolean enabled,
                                 String region, String account) {
        public ScheduleConfig {
            Objects.requireNonNull(functionName, "functionName");
            Objects.requireNonNull(expression, "expression");
            ruleName = ruleName == null ? functionName + "Schedule" : ruleName;
            region = region == null ? "us-east-1" : region;
            account = account == null ? "000000000000" : account;
        }

        public String ruleArn() {
            return "arn:aws:events:" + region + ":" + account + ":rule/" + ruleName;
        }
    }

    private record Entry(ScheduleConfig config, ScheduleExpression expression) {
    }

    private final List<Entry> entries;
    private final Function<String, HandlerInvoker> functions;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    /** Parses every expression up front so a bad template fails at boot. */
    public ScheduleRunner(List<ScheduleConfig> schedules, Function<String, HandlerInvoker> functions, Clock clock) {
        this.entries = schedules.stream().map(s -> {
            try {
                return new Entry(s, ScheduleExpression.parse(s.expression()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(s.functionName() + "/" + s.ruleName() + ": " + e.getMessage(), e);
            }
        }).toList();
        this.functions = functions;
        this.clock = clock;
    }

    public synchronized ScheduleRunner start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(
                    r -> Thread.ofPlatform().daemon().name("schedule-runner").unstarted(r));
            Instant anchor = clock.instant();
            for (Entry entry : entries) {
                if (entry.config().enabled()) {
                    scheduleNext(entry, anchor, anchor);
                }
            }
        }
        return this;
    }

    /** Next planned fire time of a function's schedule (first enabled one), for /_local endpoints and tests. */
    public Instant nextFireTime(String functionName, Instant after) {
        return entries.stream().filter(e -> e.config().functionName().equals(functionName)).findFirst()
                .flatMap(e -> e.expression().nextAfter(after, after)).orElse(null);
    }

    /** Invokes the function's (first) schedule right now on the caller's thread and returns the output. */
    public Object runNow(String functionName) {
        Entry entry = entries.stream().filter(e -> e.config().functionName().equals(functionName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no schedule for function " + functionName));
        return fire(entry, clock.instant());
    }

    private void scheduleNext(Entry entry, Instant after, Instant anchor) {
        var next = entry.expression().nextAfter(after, anchor);
        if (next.isEmpty()) {
            LOG.info("{}: schedule {} has no future fire times", entry.config().functionName(),
                    entry.config().expression());
            return;
        }
        Instant at = next.get();
        long delayMillis = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        synchronized (this) {
            if (scheduler == null) {
                return;
            }
            scheduler.schedule(() -> {
                Thread.ofVirtual().name("schedule-" + entry.config().functionName()).start(() -> {
                    try {
                        fire(entry, at);
                    } catch (FunctionInvocationException e) {
                        // logged by the invoker; EventBridge would retry async invocations, we just wait for next
                    } catch (RuntimeException e) {
                        LOG.error("{}: scheduled invocation failed", entry.config().functionName(), e);
                    }
                });
                scheduleNext(entry, at, anchor);
            }, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private Object fire(Entry entry, Instant time) {
        HandlerInvoker function = functions.apply(entry.config().functionName());
        if (function == null) {
            throw new IllegalStateException("unknown function " + entry.config().functionName());
        }
        return function.invoke(event(entry.config(), time), "schedule " + entry.config().expression());
    }

    /** The EventBridge "Scheduled Event" a rule delivers. */
    public static ScheduledEvent event(ScheduleConfig config, Instant time) {
        var event = new ScheduledEvent();
        event.setVersion("0");
        event.setId(UUID.randomUUID().toString());
        event.setDetailType("Scheduled Event");
        event.setSource("aws.events");
        event.setAccount(config.account());
        event.setRegion(config.region());
        event.setTime(new DateTime(time.toEpochMilli(), DateTimeZone.UTC));
        event.setResources(List.of(config.ruleArn()));
        event.setDetail(Map.of());
        return event;
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}

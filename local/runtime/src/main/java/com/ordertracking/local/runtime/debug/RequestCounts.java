package com.ordertracking.local.runtime.debug;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every AWS SDK request made inside the runtime's JVM (functions, pollers, the SNS endpoint's deliveries) by
 * caller, service and operation, and prints the running totals every 5 s as one {@code [request-counts]} line — what
 * a carrier burst costs the embedded services per event (bench/README.md). Off unless the runtime runs with
 * {@code -Dlocal.countRequests=true}; registered for every SDK client through the SDK's global interceptor file.
 */
public final class RequestCounts implements ExecutionInterceptor {
    private static final boolean ENABLED = Boolean.getBoolean("local.countRequests");
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();
    private static volatile boolean reporting;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!ENABLED) {
            return;
        }
        String key = caller(Thread.currentThread().getName()) + " " + attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)
                + "." + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        COUNTS.computeIfAbsent(key, k -> new LongAdder()).increment();
        if (!reporting) {
            startReporting();
        }
    }

    /** The function whose code runs on the thread ({@code fn-<Function>-<requestId>}), else the thread's role. */
    static String caller(String thread) {
        if (thread.startsWith("fn-")) {
            int end = thread.indexOf('-', 3);
            return end < 0 ? thread : thread.substring(3, end);
        }
        if (thread.startsWith("sqs-poller-")) {
            return "sqs-poller:" + thread.substring("sqs-poller-".length()).replaceAll("-\\d+$", "");
        }
        if (thread.startsWith("ddb-stream-")) {
            return "stream-poller";
        }
        return thread.replaceAll("[-_ ]?\\d+$", "");
    }

    private static synchronized void startReporting() {
        if (reporting) {
            return;
        }
        reporting = true;
        Thread.ofPlatform().daemon().name("request-counts").start(() -> {
            Map<String, Long> printed = new TreeMap<>();
            while (true) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    return;
                }
                // One line per counter that moved (a console line is cut after a few hundred characters).
                String now = Instant.now().toString();
                new TreeMap<>(COUNTS).forEach((key, count) -> {
                    long total = count.sum();
                    if (!Long.valueOf(total).equals(printed.put(key, total))) {
                        System.out.println("[request-counts] " + now + " " + key.replace(' ', '|') + "=" + total);
                    }
                });
            }
        });
    }
}

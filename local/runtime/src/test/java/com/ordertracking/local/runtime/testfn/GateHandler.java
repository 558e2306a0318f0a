package com.ordertracking.local.runtime.testfn;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Holds its invocation until the test opens {@link #GATE}: lets a test keep an execution slot busy without sleeping. */
public class GateHandler {
    public static volatile CountDownLatch GATE = new CountDownLatch(1);
    public static final AtomicInteger ENTERED = new AtomicInteger();

    public String handleRequest(String input) throws InterruptedException {
        ENTERED.incrementAndGet();
        if (input.equals("hold") && !GATE.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gate never opened");
        }
        return input;
    }
}

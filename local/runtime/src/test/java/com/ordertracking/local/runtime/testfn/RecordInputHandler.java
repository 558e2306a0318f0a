package com.ordertracking.local.runtime.testfn;

import com.ordertracking.shared.wiring.FunctionEnvironment;
import java.util.concurrent.atomic.AtomicInteger;

/** Concrete subclass with a record input; counts constructions to check warm reuse. */
public class RecordInputHandler extends GenericBaseHandler<RecordInputHandler.Payload> {

    public static final AtomicInteger CONSTRUCTED = new AtomicInteger();

    public record Payload(String orderId, int quantity) {
    }

    private final String prefix;

    public RecordInputHandler() {
        CONSTRUCTED.incrementAndGet();
        this.prefix = FunctionEnvironment.get("PREFIX");
    }

    @Override
    protected String describe(Payload input) {
        return prefix + input.orderId() + "x" + input.quantity();
    }

    /** Alternative entry point for {@code ::method} handler strings. */
    public String shout(String input) {
        if (input.equals("sleep")) {
            try {
                Thread.sleep(5_000); // simulates a handler that exceeds its timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return input.toUpperCase() + (prefix == null ? "" : prefix);
    }
}

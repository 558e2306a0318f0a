package com.ordertracking.shared.adapters.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionLogTest {
    private final List<RecordingContext> recorded = new ArrayList<>();

    @Test
    void everyLineNamesTheFunctionAndTheOrderAndCarriesItsLevelToTheRuntimeLogger() {
        FunctionLog log = FunctionLog.of(context("order-tracking-ShipOrder")).forOrder("ord_1");

        log.info("order shipped", "carrier", "ups", "note", "two words", "skipped", null);
        log.error("unhandled error", "error", "java.lang.IllegalStateException: \"boom\"");

        assertThat(lines()).containsExactly(
                "INFO order shipped function=order-tracking-ShipOrder orderId=ord_1 carrier=ups note=\"two words\"",
                "ERROR unhandled error function=order-tracking-ShipOrder orderId=ord_1"
                        + " error=\"java.lang.IllegalStateException: \\\"boom\\\"\"");
    }

    @Test
    void withoutAnOrderThereIsNoOrderIdAndOriginNamesTheThrowingFrame() {
        FunctionLog.of(context("fn")).warn("retrying");
        IllegalStateException thrown = new IllegalStateException("x");

        assertThat(lines()).containsExactly("WARN retrying function=fn");
        assertThat(FunctionLog.origin(thrown)).startsWith(getClass().getName() + ".");
    }

    private Context context(String functionName) {
        RecordingContext context = new RecordingContext(functionName);
        recorded.add(context);
        return context;
    }

    private List<String> lines() {
        return recorded.stream().flatMap(c -> c.lines().stream()).toList();
    }
}

package com.ordertracking.shared.adapters.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionLogTest {
    private final List<String> lines = new ArrayList<>();

    @Test
    void everyLineNamesTheFunctionAndTheOrderAndCarriesItsLevelToTheRuntimeLogger() {
        FunctionLog log = FunctionLog.of(context("order-tracking-ShipOrder")).forOrder("ord_1");

        log.info("order shipped", "carrier", "ups", "note", "two words", "skipped", null);
        log.error("unhandled error", "error", "java.lang.IllegalStateException: \"boom\"");

        assertThat(lines).containsExactly(
                "INFO order shipped function=order-tracking-ShipOrder orderId=ord_1 carrier=ups note=\"two words\"",
                "ERROR unhandled error function=order-tracking-ShipOrder orderId=ord_1"
                        + " error=\"java.lang.IllegalStateException: \\\"boom\\\"\"");
    }

    @Test
    void withoutAnOrderThereIsNoOrderIdAndOriginNamesTheThrowingFrame() {
        FunctionLog.of(context("fn")).warn("retrying");
        IllegalStateException thrown = new IllegalStateException("x");

        assertThat(lines).containsExactly("WARN retrying function=fn");
        assertThat(FunctionLog.origin(thrown)).startsWith(getClass().getName() + ".");
    }

    private Context context(String functionName) {
        LambdaLogger logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                log(message, LogLevel.UNDEFINED);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message));
            }

            @Override
            public void log(String message, LogLevel level) {
                lines.add(level + " " + message);
            }
        };
        return new Context() {
            public String getAwsRequestId() { return "req-1"; }
            public String getLogGroupName() { return null; }
            public String getLogStreamName() { return null; }
            public String getFunctionName() { return functionName; }
            public String getFunctionVersion() { return "$LATEST"; }
            public String getInvokedFunctionArn() { return null; }
            public CognitoIdentity getIdentity() { return null; }
            public ClientContext getClientContext() { return null; }
            public int getRemainingTimeInMillis() { return 1000; }
            public int getMemoryLimitInMB() { return 128; }
            public LambdaLogger getLogger() { return logger; }
        };
    }
}

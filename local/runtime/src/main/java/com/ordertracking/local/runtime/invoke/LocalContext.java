package com.ordertracking.local.runtime.invoke;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** Lambda {@link Context} for an in-process invocation; remaining time counts down from the configured timeout. */
public record LocalContext(String awsRequestId, String functionName, String region, int memoryLimitInMB,
                           long deadlineNanos, LambdaLogger logger) implements Context {

    public static final String ACCOUNT_ID = "000000000000";

    public static LocalContext create(FunctionConfig config, String requestId) {
        return new LocalContext(requestId, config.name(), config.region(), config.memoryMb(),
                System.nanoTime() + config.timeout().toNanos(), new StdoutLogger(config.name(), requestId));
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local/[$LATEST]local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitInMB;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /** Prints like CloudWatch would show it: prefixed with function and request id so interleaved output stays readable. */
    public record StdoutLogger(String functionName, String requestId) implements LambdaLogger {
        @Override
        public void log(String message) {
            System.out.println("[" + functionName + " " + requestId + "] " + message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}

package com.ordertracking.local.runtime.invoke;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** Lambda {@link Context} for an in-process invocation; remaining time counts down from the configured timeout. */
public record LocalContext(String awsRequestId, String functionName, String region, int memoryLimitInMB,
                           long deadlineNanos, LambdaLogger logger) implements Context {

    public static final String ACCOUNT_ID = "000000000000";

    public static LocalContext create(FunctionConfig config, String requestId) {
        // The deployed name (e.g. order-tracking-local-ShipOrderFunction), as Lambda reports it.
        String functionName = config.environment().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", config.name());
        return new LocalContext(requestId, functionName, config.region(), config.memoryMb(),
                System.nanoTime() + config.timeout().toNanos(), new LocalLambdaLogger(functionName, requestId, config.environment()));
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
}

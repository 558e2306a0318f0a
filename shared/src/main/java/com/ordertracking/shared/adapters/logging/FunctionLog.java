package com.ordertracking.shared.adapters.logging;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

/**
 * Log lines through the Lambda runtime's own logger ({@link LambdaLogger} with a {@link LogLevel}), so
 * the function's {@code LoggingConfig} applies: with {@code LogFormat: JSON} the managed runtime writes
 * {@code {"timestamp","level","message","AWSRequestId"}} and drops lines below
 * {@code ApplicationLogLevel}. The message is the text followed by {@code key=value} pairs, always
 * {@code function=} and, where there is one, {@code orderId=} (CloudWatch Logs Insights:
 * {@code parse message /orderId=(?<orderId>\S+)/}). One line per call; never a stack trace.
 */
public final class FunctionLog {
    private final LambdaLogger logger;
    private final String function;
    private final String orderId;

    private FunctionLog(LambdaLogger logger, String function, String orderId) {
        this.logger = logger;
        this.function = function;
        this.orderId = orderId;
    }

    /** The invocation's logger; the runtime's static one when there is no context (e.g. a unit test). */
    public static FunctionLog of(Context context) {
        if (context == null || context.getLogger() == null) {
            return runtime();
        }
        return new FunctionLog(context.getLogger(), context.getFunctionName(), null);
    }

    /**
     * For code that has no {@link Context} (adapters): the same runtime logger, same format and request
     * id; the function name is Lambda's {@code AWS_LAMBDA_FUNCTION_NAME} (absent in the local runtime,
     * which hosts every function in one process).
     */
    public static FunctionLog runtime() {
        return new FunctionLog(LambdaRuntime.getLogger(), System.getenv("AWS_LAMBDA_FUNCTION_NAME"), null);
    }

    /** The same log with {@code orderId=} on every line. */
    public FunctionLog forOrder(String id) {
        return new FunctionLog(logger, function, id);
    }

    public void info(String message, Object... keyValues) {
        log(LogLevel.INFO, message, keyValues);
    }

    public void warn(String message, Object... keyValues) {
        log(LogLevel.WARN, message, keyValues);
    }

    public void error(String message, Object... keyValues) {
        log(LogLevel.ERROR, message, keyValues);
    }

    /** {@code message function=... orderId=... k1=v1 k2=v2}; values with spaces are quoted. */
    static String line(String message, String function, String orderId, Object... keyValues) {
        StringBuilder line = new StringBuilder(message);
        append(line, "function", function);
        append(line, "orderId", orderId);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            append(line, String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        return line.toString();
    }

    private void log(LogLevel level, String message, Object... keyValues) {
        logger.log(line(message, function, orderId, keyValues), level);
    }

    private static void append(StringBuilder line, String key, Object value) {
        if (value == null) {
            return;
        }
        String text = String.valueOf(value).replace('\n', ' ');
        line.append(' ').append(key).append('=');
        if (text.isEmpty() || text.indexOf(' ') >= 0 || text.indexOf('"') >= 0) {
            line.append('"').append(text.replace("\"", "\\\"")).append('"');
        } else {
            line.append(text);
        }
    }

    /** Where an exception was thrown (its first frame), to find it without printing the whole trace. */
    public static String origin(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length == 0 ? null
                : trace[0].getClassName() + "." + trace[0].getMethodName() + ":" + trace[0].getLineNumber();
    }
}

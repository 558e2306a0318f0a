package com.ordertracking.local.runtime.invoke;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.ordertracking.shared.adapters.json.Json;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@link LambdaLogger} of one local invocation, formatting as the managed Java runtime does for the
 * function's LoggingConfig (from {@code AWS_LAMBDA_LOG_FORMAT} / {@code AWS_LAMBDA_LOG_LEVEL}): JSON
 * lines {@code {"timestamp","level","message","AWSRequestId"}} with lines below the application log
 * level dropped, or plain text prefixed with function and request id. The console shows lines at or
 * above {@link #consoleThreshold} (the runtime's {@code --verbose} shows all).
 */
public final class LocalLambdaLogger implements LambdaLogger {
    private static final Set<LogLevel> QUIET_BY_DEFAULT = Set.of(LogLevel.UNDEFINED, LogLevel.TRACE, LogLevel.DEBUG,
            LogLevel.INFO);
    private static volatile LogLevel consoleThreshold = LogLevel.TRACE;
    /** The invocation running on this thread, for {@link LambdaRuntime#getLogger()} callers. */
    private static final ThreadLocal<LocalLambdaLogger> CURRENT = new ThreadLocal<>();

    private final String functionName;
    private final String requestId;
    private final boolean json;
    private final LogLevel minimum;

    public LocalLambdaLogger(String functionName, String requestId, Map<String, String> environment) {
        this.functionName = functionName;
        this.requestId = requestId;
        this.json = "JSON".equalsIgnoreCase(environment.get("AWS_LAMBDA_LOG_FORMAT"));
        this.minimum = json ? LogLevel.fromString(environment.getOrDefault("AWS_LAMBDA_LOG_LEVEL", "INFO")) : LogLevel.TRACE;
    }

    /** Lines below {@code level} stay off the console (they are still "emitted" as far as the function knows). */
    public static void consoleThreshold(LogLevel level) {
        consoleThreshold = level;
    }

    @Override
    public void log(String message) {
        log(message, LogLevel.UNDEFINED);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void log(String message, LogLevel level) {
        if (json && level != LogLevel.UNDEFINED && level.ordinal() < minimum.ordinal()) {
            return; // Lambda drops lines below ApplicationLogLevel
        }
        LogLevel effective = level == LogLevel.UNDEFINED ? LogLevel.INFO : level;
        if (effective.ordinal() < consoleThreshold.ordinal()) {
            return;
        }
        console(QUIET_BY_DEFAULT.contains(effective)).println(format(message, level));
    }

    String format(String message, LogLevel level) {
        if (!json) {
            return "[" + functionName + " " + requestId + "] " + (level == LogLevel.UNDEFINED ? "" : "[" + level + "] ")
                    + message;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        if (level != LogLevel.UNDEFINED) {
            line.put("level", level.name());
        }
        line.put("message", message);
        line.put("AWSRequestId", requestId);
        return Json.write(line);
    }

    private static PrintStream console(boolean routine) {
        return routine ? System.out : System.err;
    }

    /** Runs {@code body} with this logger as the current thread's {@link LambdaRuntime#getLogger()}. */
    <T> T activeDuring(java.util.function.Supplier<T> body) {
        CURRENT.set(this);
        try {
            return body.get();
        } finally {
            CURRENT.remove();
        }
    }

    /**
     * Points {@link LambdaRuntime#getLogger()} at the invocation running on the calling thread, as the
     * managed runtime does for its one invocation at a time (it sets the same field).
     */
    static void installAsRuntimeLogger() {
        try {
            Field field = LambdaRuntime.class.getDeclaredField("logger");
            field.setAccessible(true);
            if (field.get(null) instanceof Dispatcher) {
                return;
            }
            field.set(null, new Dispatcher((LambdaLogger) field.get(null)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Without it, LambdaRuntime.getLogger() prints plain lines: still readable.
        }
    }

    private record Dispatcher(LambdaLogger outside) implements LambdaLogger {
        @Override
        public void log(String message) {
            target().log(message);
        }

        @Override
        public void log(byte[] message) {
            target().log(message);
        }

        @Override
        public void log(String message, LogLevel level) {
            target().log(message, level);
        }

        private LambdaLogger target() {
            LocalLambdaLogger current = CURRENT.get();
            return current != null ? current : outside;
        }
    }
}

package com.ordertracking.shared.config;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The environment variables of the function being initialised.
 *
 * <p>On AWS this is simply the process environment. The local runtime hosts many functions in one
 * JVM, so it activates each function's own variables (resolved from template.yaml) while it
 * constructs that function's handler. Handlers therefore read configuration in their constructor,
 * never on the request path.
 */
public final class FunctionEnvironment {
    private static final ThreadLocal<Map<String, String>> ACTIVE = new ThreadLocal<>();

    private FunctionEnvironment() {
    }

    /** Runs {@code body} with {@code env} as the function environment of the current thread. */
    public static <T> T with(Map<String, String> env, Supplier<T> body) {
        Map<String, String> previous = ACTIVE.get();
        ACTIVE.set(Map.copyOf(env));
        try {
            return body.get();
        } finally {
            if (previous == null) {
                ACTIVE.remove();
            } else {
                ACTIVE.set(previous);
            }
        }
    }

    /** The value of {@code name}, or {@code null} when unset. */
    public static String get(String name) {
        Map<String, String> env = ACTIVE.get();
        return env != null ? env.get(name) : System.getenv(name);
    }

    /** All variables of the active function environment. */
    public static Map<String, String> all() {
        Map<String, String> env = ACTIVE.get();
        return env != null ? env : System.getenv();
    }
}

package com.ordertracking.shared.wiring;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Function configuration lookup. In AWS it is simply the process environment; the local runtime hosts many
 * functions in one JVM, so it activates a per-thread overlay while constructing and invoking a handler.
 */
public final class FunctionEnvironment {

    private static final ThreadLocal<Map<String, String>> CURRENT = new ThreadLocal<>();

    private FunctionEnvironment() {
    }

    /** Runs {@code body} with {@code env} as the function environment of the current thread (nesting restores). */
    public static <T> T with(Map<String, String> env, Supplier<T> body) {
        Map<String, String> previous = CURRENT.get();
        CURRENT.set(Map.copyOf(env));
        try {
            return body.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The overlay value if set, else the process environment (like Lambda, where both are just env vars). */
    public static String get(String name) {
        Map<String, String> overlay = CURRENT.get();
        if (overlay != null) {
            String value = overlay.get(name);
            if (value != null) {
                return value;
            }
        }
        return System.getenv(name);
    }

    /** Process environment with the active overlay on top. */
    public static Map<String, String> all() {
        Map<String, String> merged = new HashMap<>(System.getenv());
        Map<String, String> overlay = CURRENT.get();
        if (overlay != null) {
            merged.putAll(overlay);
        }
        return Map.copyOf(merged);
    }
}

package com.ordertracking.shared.application.order;

import com.ordertracking.shared.application.InvalidRequestException;
import java.time.Duration;
import java.util.regex.Pattern;

/** The {@code Idempotency-Key} rules every POST that honours one shares. */
public final class IdempotencyKeys {
    /** How long a key protects against duplicates. */
    public static final Duration WINDOW = Duration.ofHours(24);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private IdempotencyKeys() {
    }

    /** A key that is present must be 1 to 255 visible ASCII characters ({@code 400 invalid-idempotency-key}). */
    public static void requireValid(String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new InvalidRequestException("invalid-idempotency-key",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
    }
}

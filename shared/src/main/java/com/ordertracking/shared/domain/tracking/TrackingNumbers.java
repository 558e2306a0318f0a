package com.ordertracking.shared.domain.tracking;

import java.util.Locale;
import java.util.regex.Pattern;

/** Tracking numbers and carrier slugs as they are compared and stored. */
public final class TrackingNumbers {
    /** Letters, digits and dashes; carriers print spaces for readability, which we drop. */
    private static final Pattern VALID = Pattern.compile("[A-Z0-9-]{4,64}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    private TrackingNumbers() {
    }

    /** Upper case without whitespace, so {@code 1z 999 aa1} and {@code 1Z999AA1} are one parcel. */
    public static String normalize(String trackingNumber) {
        return trackingNumber.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String normalized) {
        return normalized != null && VALID.matcher(normalized).matches();
    }

    public static boolean isSlug(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }
}

package com.ordertracking.shared.domain;

import java.security.SecureRandom;

/** Order ids: {@code ord_} and 20 random Crockford base32 characters (100 bits), unguessable. */
public final class OrderIds {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private OrderIds() {
    }

    private static final java.util.regex.Pattern WELL_FORMED = java.util.regex.Pattern.compile("ord_[0-9a-z]{20}");

    /** Whether {@code orderId} has the shape of an id we issue (anything else cannot exist). */
    public static boolean isWellFormed(String orderId) {
        return orderId != null && WELL_FORMED.matcher(orderId).matches();
    }

    public static String next() {
        return "ord_" + random();
    }

    /** A return's id: {@code ret_} and 20 random characters. */
    public static String nextReturnId() {
        return "ret_" + random();
    }

    /** A refund's id: {@code rfd_} and 20 random characters. */
    public static String nextRefundId() {
        return "rfd_" + random();
    }

    private static String random() {
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}

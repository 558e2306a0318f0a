package com.ordertracking.shared.orders;

import java.security.SecureRandom;

/** Order ids: {@code ord_} and 20 random Crockford base32 characters (100 bits), unguessable. */
public final class OrderIds {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private OrderIds() {
    }

    public static String next() {
        return "ord_" + random();
    }

    /** A return's id: {@code ret_} and 20 random characters. */
    public static String nextReturnId() {
        return "ret_" + random();
    }

    private static String random() {
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}

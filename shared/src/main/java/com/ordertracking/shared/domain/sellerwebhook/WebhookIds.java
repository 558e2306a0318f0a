package com.ordertracking.shared.domain.sellerwebhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Endpoint ids ({@code wh_} + 26 random Crockford base32 characters) and delivery ids ({@code msg_} + 26 Crockford base32 characters, ULID layout): 48 bits of the event's time then
 * 80 bits of SHA-256 of endpoint and event. Deterministic, so a redelivered event maps to the same delivery
 * (the fan-out is idempotent and the receiver's dedupe key is stable), and time-ordered, so the delivery log
 * sorts newest first by key.
 */
public final class WebhookIds {
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern DELIVERY = Pattern.compile("msg_[0-9A-HJKMNP-TV-Z]{26}");
    private static final Pattern ENDPOINT = Pattern.compile("wh_[0-9A-HJKMNP-TV-Z]{26}");

    private WebhookIds() {
    }

    public static String newEndpointId(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "wh_" + base32(bytes);
    }

    public static String deliveryId(String webhookId, String eventId, Instant occurredAt) {
        byte[] digest = sha256(webhookId + "\n" + eventId);
        byte[] bytes = new byte[16];
        long millis = occurredAt.toEpochMilli();
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) (millis >>> (8 * (5 - i)));
        }
        System.arraycopy(digest, 0, bytes, 6, 10);
        return "msg_" + base32(bytes);
    }

    public static boolean isDeliveryId(String id) {
        return id != null && DELIVERY.matcher(id).matches();
    }

    public static boolean isEndpointId(String id) {
        return id != null && ENDPOINT.matcher(id).matches();
    }

    private static String base32(byte[] bytes) {
        // 128 bits as 26 characters of 5 bits (the first character carries the top 3 bits), as ULID does.
        StringBuilder out = new StringBuilder(26);
        java.math.BigInteger value = new java.math.BigInteger(1, bytes);
        for (int i = 25; i >= 0; i--) {
            out.append(CROCKFORD[value.shiftRight(5 * i).intValue() & 31]);
        }
        return out.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

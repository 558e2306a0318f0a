package com.ordertracking.shared.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The three signature schemes we accept, computed over the raw body bytes (never over re-serialized
 * JSON) and compared in constant time. The {@code sign...} methods are what a sender computes; tests
 * and docs/tracking.md use them.
 */
public final class WebhookSignatures {
    /** How far the generic format's timestamp may be from our clock, either way. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    public static final String GENERIC_PREFIX = "v1=";
    public static final String EASYPOST_PREFIX = "hmac-sha256-hex=";

    private WebhookSignatures() {
    }

    /** Generic carriers: {@code v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. */
    public static String signGeneric(String secret, long timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return GENERIC_PREFIX + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), signed));
    }

    /** AfterShip: {@code aftership-hmac-sha256: <base64 HMAC-SHA256(secret, body)>}. */
    public static String signAfterShip(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    /** EasyPost: {@code X-Hmac-Signature: hmac-sha256-hex=<hex HMAC-SHA256(NFKD(secret), body)>}. */
    public static String signEasyPost(String secret, byte[] body) {
        byte[] key = Normalizer.normalize(secret, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
        return EASYPOST_PREFIX + HexFormat.of().formatHex(hmac(key, body));
    }

    /**
     * Whether a generic-format request is authentic and fresh. A missing, non-numeric or stale
     * timestamp fails like a bad signature: either way the sender cannot be trusted.
     */
    public static boolean verifyGeneric(String secret, String timestampHeader, String signatureHeader, byte[] body,
            Instant now) {
        if (timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            return false;
        }
        return constantTimeEquals(signGeneric(secret, timestamp, body), signatureHeader.strip());
    }

    public static boolean verifyAfterShip(String secret, String signatureHeader, byte[] body) {
        return signatureHeader != null && constantTimeEquals(signAfterShip(secret, body), signatureHeader.strip());
    }

    public static boolean verifyEasyPost(String secret, String signatureHeader, byte[] body) {
        return signatureHeader != null && constantTimeEquals(signEasyPost(secret, body), signatureHeader.strip());
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

package com.ordertracking.local.runtime.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs generic carrier webhooks the way a carrier integrator would, independently of the
 * production verifier: {@code v1=hex(HMAC-SHA256(secret, timestamp + "." + body))}.
 */
public final class CarrierSigner {
    public static final String LOCAL_SECRET = "local-webhook-secret";

    private CarrierSigner() {
    }

    public static Map<String, String> headers(String body, String secret, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return Map.of("X-Webhook-Timestamp", timestamp, "X-Webhook-Signature", "v1=" + signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String event(String eventId, String trackingNumber, String status, Instant occurredAt) {
        return "{\"eventId\":\"" + eventId + "\",\"trackingNumber\":\"" + trackingNumber + "\",\"status\":\"" + status
                + "\",\"occurredAt\":\"" + occurredAt + "\",\"location\":\"Oakland, CA\",\"description\":\"" + status + "\"}";
    }
}

package com.ordertracking.systemtests.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Carriers and tracking aggregators posting signed webhooks. Signs each format the way its sender documents
 * it, independently of the production verifier, so a verifier drifting from the contract fails here:
 * generic {@code v1=hex(HMAC(secret, timestamp + "." + body))}, AfterShip {@code base64(HMAC(secret, body))},
 * EasyPost {@code hmac-sha256-hex=hex(HMAC(NFKD(secret), body))}.
 */
public final class Webhooks {
    /** The webhook secret template.yaml gives the local stack. */
    public static final String LOCAL_SECRET = "local-webhook-secret";
    public static final String AFTERSHIP_EXAMPLE = "events/webhooks/aftership-tracking-update.json";
    public static final String EASYPOST_EXAMPLE = "events/webhooks/easypost-tracker-updated.json";

    private final Api api;

    public Webhooks(Api api) {
        this.api = api;
    }

    /** A generic-format carrier event body (mutable, e.g. to add an {@code estimatedDelivery}). */
    public static Map<String, Object> carrierEvent(String eventId, String trackingNumber, String status, String occurredAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        body.put("trackingNumber", trackingNumber);
        body.put("status", status);
        body.put("occurredAt", occurredAt);
        body.put("location", "Louisville, KY, US");
        body.put("description", status + " scan");
        return body;
    }

    /** {@link #carrierEvent} as JSON, for a scan at {@code occurredAt}. */
    public static String carrierEventJson(String eventId, String trackingNumber, String status, Instant occurredAt) {
        return Json.write(carrierEvent(eventId, trackingNumber, status, occurredAt.toString()));
    }

    /** POSTs a generic carrier event to /webhooks/carriers/{carrier}, signed now with the local secret. */
    public ApiResponse carrier(String carrier, Map<String, Object> event) {
        return carrier(carrier, Json.write(event));
    }

    public ApiResponse carrier(String carrier, String rawBody) {
        return carrier(carrier, rawBody, LOCAL_SECRET, Instant.now());
    }

    /** POSTs raw bytes to /webhooks/carriers/{carrier}, signed with {@code secret} at {@code at}. */
    public ApiResponse carrier(String carrier, String rawBody, String secret, Instant at) {
        return api.send(null, "POST", "/webhooks/carriers/" + carrier, rawBody, signedHeaders(rawBody, secret, at));
    }

    /** The generic carrier signature headers. */
    public static Map<String, String> signedHeaders(String body, String secret, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        String signature = HexFormat.of().formatHex(hmac(secret, (timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return Map.of("X-Webhook-Timestamp", timestamp, "X-Webhook-Signature", "v1=" + signature);
    }

    /** The documented AfterShip example's body (its whole checkpoint history) with our tracking number and event id. */
    public static ObjectNode afterShipExample(String trackingNumber, String eventId) {
        ObjectNode body = TestData.sampleBody(AFTERSHIP_EXAMPLE);
        body.put("event_id", eventId);
        ((ObjectNode) body.get("msg")).put("tracking_number", trackingNumber);
        return body;
    }

    /** The documented EasyPost example's body (its whole tracking_details history) with our tracking number and id. */
    public static ObjectNode easyPostExample(String trackingNumber, String eventId) {
        ObjectNode body = TestData.sampleBody(EASYPOST_EXAMPLE);
        body.put("id", eventId);
        ((ObjectNode) body.get("result")).put("tracking_code", trackingNumber);
        return body;
    }

    /** The documented AfterShip example with our tracking number and event id, signed as AfterShip signs. */
    public ApiResponse afterShip(String trackingNumber, String eventId) {
        return afterShip(afterShipExample(trackingNumber, eventId));
    }

    /** POSTs an AfterShip body to /webhooks/aftership, signed as AfterShip signs. */
    public ApiResponse afterShip(ObjectNode body) {
        String raw = Json.write(body);
        String signature = Base64.getEncoder().encodeToString(hmac(LOCAL_SECRET, raw.getBytes(StandardCharsets.UTF_8)));
        return api.send(null, "POST", "/webhooks/aftership", raw,
                TestData.sampleHeaders(AFTERSHIP_EXAMPLE, "aftership-hmac-sha256", signature));
    }

    /** The documented EasyPost example with our tracking number and event id, signed as EasyPost signs. */
    public ApiResponse easyPost(String trackingNumber, String eventId) {
        return easyPost(easyPostExample(trackingNumber, eventId));
    }

    /** POSTs an EasyPost body to /webhooks/easypost, signed as EasyPost signs. */
    public ApiResponse easyPost(ObjectNode body) {
        String raw = Json.write(body);
        String key = Normalizer.normalize(LOCAL_SECRET, Normalizer.Form.NFKD);
        String signature = "hmac-sha256-hex=" + HexFormat.of().formatHex(hmac(key, raw.getBytes(StandardCharsets.UTF_8)));
        return api.send(null, "POST", "/webhooks/easypost", raw,
                TestData.sampleHeaders(EASYPOST_EXAMPLE, "x-hmac-signature", signature));
    }

    private static byte[] hmac(String secret, byte[] data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

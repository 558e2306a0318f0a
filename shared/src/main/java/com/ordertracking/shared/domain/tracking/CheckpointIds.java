package com.ordertracking.shared.domain.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Stable ids for the checkpoints of an aggregator's tracking history (AfterShip {@code msg.checkpoints},
 * EasyPost {@code result.tracking_details}). Aggregators resend the whole history with every webhook and give
 * the checkpoints no id of their own, so the id is a digest of what the checkpoint says: the same checkpoint
 * gets the same id in every delivery (the processor then drops it as a duplicate), a different one a different
 * id. Arrival time and the webhook's delivery id are deliberately not part of it.
 */
public final class CheckpointIds {
    private static final String PREFIX = "cp-";

    private CheckpointIds() {
    }

    /**
     * {@code cp-} + 40 hex digits (160 bits of SHA-256) over the fields, each length-prefixed so that no two
     * different field lists hash the same text. {@code carrierTime} is compared as an instant, so
     * {@code 2026-11-24T00:52:00-06:00} and {@code 2026-11-24T06:52:00Z} are the same checkpoint;
     * {@code null} fields are distinct from empty ones.
     */
    public static String of(String carrier, String trackingNumber, Instant carrierTime, String status,
            String subStatus, String location, String message) {
        StringBuilder canonical = new StringBuilder();
        for (String part : new String[] {carrier, trackingNumber, carrierTime == null ? null : carrierTime.toString(),
                status, subStatus, location, message}) {
            canonical.append(part == null ? "-1" : Integer.toString(part.length())).append(':')
                    .append(part == null ? "" : part).append('|');
        }
        return PREFIX + HexFormat.of().formatHex(sha256(canonical.toString())).substring(0, 40);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

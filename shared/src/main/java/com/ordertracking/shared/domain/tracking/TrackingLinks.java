package com.ordertracking.shared.domain.tracking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Public tracking links {@code <base>/track/<token>}: the token is {@code <orderId>~<mac>} with
 * {@code mac} = the first 12 bytes (96 bits) of HMAC-SHA256(secret, orderId), base64url. Nothing is
 * stored: the tracking page ({@code GetTrackingPageHandler}) verifies a token with {@link #orderIdOf}; rotating the
 * secret revokes every link. Short enough to fit an SMS (docs/notifications.md).
 */
public final class TrackingLinks {
    private static final int MAC_BYTES = 12;

    private final String baseUrl;
    private final byte[] secret;

    public TrackingLinks(String baseUrl, String secret) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String token(String orderId) {
        return orderId + "~" + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(orderId));
    }

    public String link(String orderId) {
        return baseUrl + "/track/" + token(orderId);
    }

    /** The order a token was issued for, if it is genuine. */
    public Optional<String> orderIdOf(String token) {
        int tilde = token.lastIndexOf('~');
        if (tilde <= 0) {
            return Optional.empty();
        }
        String orderId = token.substring(0, tilde);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(tilde + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(given, mac(orderId)) ? Optional.of(orderId) : Optional.empty();
    }

    private byte[] mac(String orderId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(orderId.getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

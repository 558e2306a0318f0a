package com.ordertracking.shared.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {
    private static final byte[] BODY = "{\"eventId\":\"e1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.ofEpochSecond(1_790_000_000L);

    @Test
    void generic_signature_is_hex_hmac_of_timestamp_dot_body() {
        // Same as: printf '%s' '1790000000.{"eventId":"e1"}' | openssl dgst -sha256 -hmac local-webhook-secret
        String signature = WebhookSignatures.signGeneric("local-webhook-secret", NOW.getEpochSecond(), BODY);

        assertThat(signature).matches("v1=[0-9a-f]{64}");
        assertThat(WebhookSignatures.verifyGeneric("local-webhook-secret", "1790000000", signature, BODY, NOW)).isTrue();
    }

    @Test
    void generic_signature_fails_with_another_secret_a_changed_body_or_a_stale_timestamp() {
        String signature = WebhookSignatures.signGeneric("local-webhook-secret", NOW.getEpochSecond(), BODY);

        assertThat(WebhookSignatures.verifyGeneric("other", "1790000000", signature, BODY, NOW)).isFalse();
        assertThat(WebhookSignatures.verifyGeneric("local-webhook-secret", "1790000000", signature,
                "{\"eventId\":\"e2\"}".getBytes(StandardCharsets.UTF_8), NOW)).isFalse();
        assertThat(WebhookSignatures.verifyGeneric("local-webhook-secret", "1790000000", signature, BODY,
                NOW.plusSeconds(301))).isFalse();
        assertThat(WebhookSignatures.verifyGeneric("local-webhook-secret", "1790000000", signature, BODY,
                NOW.plusSeconds(299))).isTrue();
        assertThat(WebhookSignatures.verifyGeneric("local-webhook-secret", "soon", signature, BODY, NOW)).isFalse();
        assertThat(WebhookSignatures.verifyGeneric("local-webhook-secret", null, signature, BODY, NOW)).isFalse();
    }

    @Test
    void aftership_signature_is_base64_hmac_of_the_body() {
        String signature = WebhookSignatures.signAfterShip("local-webhook-secret", BODY);

        assertThat(signature).matches("[A-Za-z0-9+/]{43}=");
        assertThat(WebhookSignatures.verifyAfterShip("local-webhook-secret", signature, BODY)).isTrue();
        assertThat(WebhookSignatures.verifyAfterShip("other", signature, BODY)).isFalse();
    }

    @Test
    void easypost_signature_normalizes_the_secret_with_nfkd() {
        // "ﬁ" (U+FB01) decomposes to "fi" under NFKD, as in EasyPost's own client libraries.
        String signature = WebhookSignatures.signEasyPost("pro\uFB01le", BODY);

        assertThat(signature).startsWith("hmac-sha256-hex=");
        assertThat(WebhookSignatures.verifyEasyPost("profile", signature, BODY)).isTrue();
        assertThat(WebhookSignatures.verifyEasyPost("other", signature, BODY)).isFalse();
    }
}

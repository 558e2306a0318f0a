package com.ordertracking.shared.domain.sellerwebhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signatures against the Standard Webhooks reference library (what sellers verify with). */
class StandardWebhookSignaturesTest {
    private static final String BODY = "{\"type\":\"order.created\",\"timestamp\":\"2026-12-05T10:00:00Z\",\"data\":{\"orderId\":\"ord_1\"}}";
    private final SecureRandom random = new SecureRandom();

    @Test
    void the_reference_library_accepts_our_signature_and_rejects_a_tampered_body() throws Exception {
        WebhookSecret secret = WebhookSecret.generate(random);
        long now = Instant.now().getEpochSecond();
        String signature = StandardWebhookSignatures.sign(List.of(secret), "msg_1", now, BODY);

        new Webhook(secret.value()).verify(BODY, headers("msg_1", now, signature));
        assertThatThrownBy(() -> new Webhook(secret.value()).verify(BODY.replace("ord_1", "ord_2"),
                headers("msg_1", now, signature))).isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(secret.value()).verify(BODY, headers("msg_2", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void we_produce_exactly_what_the_reference_library_signs() throws Exception {
        WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String ours = StandardWebhookSignatures.sign(List.of(secret), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");

        assertThat(ours).isEqualTo(new Webhook(secret.value()).sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}"));
        // The example of the Standard Webhooks specification.
        assertThat(ours).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void during_a_rotation_either_secret_verifies() throws Exception {
        WebhookSecret next = WebhookSecret.generate(random);
        WebhookSecret previous = WebhookSecret.generate(random);
        long now = Instant.now().getEpochSecond();
        String signature = StandardWebhookSignatures.sign(List.of(next, previous), "msg_1", now, BODY);

        assertThat(signature.split(" ")).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("v1,"));
        new Webhook(next.value()).verify(BODY, headers("msg_1", now, signature));
        new Webhook(previous.value()).verify(BODY, headers("msg_1", now, signature));
        assertThatThrownBy(() -> new Webhook(WebhookSecret.generate(random).value()).verify(BODY,
                headers("msg_1", now, signature))).isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void an_endpoint_signs_with_the_previous_secret_only_within_the_overlap() {
        Instant rotatedAt = Instant.parse("2026-12-05T10:00:00Z");
        WebhookEndpoint endpoint = new WebhookEndpoint("wh_1", "seller-1", "https://x.example", java.util.Set.of(), true,
                null, WebhookEndpoint.Status.ENABLED, null, WebhookSecret.generate(random), null, null, rotatedAt,
                rotatedAt, 1);
        WebhookEndpoint rotated = endpoint.rotated(WebhookSecret.generate(random), rotatedAt);

        assertThat(rotated.signingSecrets(rotatedAt.plusSeconds(3600))).containsExactly(rotated.secret(), endpoint.secret());
        assertThat(rotated.signingSecrets(rotatedAt.plus(WebhookEndpoint.ROTATION_OVERLAP))).containsExactly(rotated.secret());
        assertThat(rotated.version()).isEqualTo(2);
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}

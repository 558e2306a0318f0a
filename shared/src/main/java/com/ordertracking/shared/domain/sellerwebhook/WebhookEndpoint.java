package com.ordertracking.shared.domain.sellerwebhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A seller's receiver: where events go, which ones, and the secret(s) they are signed with. During a
 * rotation the previous secret stays valid until {@code previousSecretExpiresAt} and both sign.
 *
 * @param events        the subscribed types; {@code allEvents} means every type, including future ones
 * @param disabledReason why a {@link Status#DISABLED} endpoint gets nothing any more (e.g. it answered 410)
 * @param version       for conditional writes
 */
public record WebhookEndpoint(String webhookId, String sellerId, String url, Set<WebhookEventType> events,
        boolean allEvents, String description, Status status, String disabledReason, WebhookSecret secret,
        WebhookSecret previousSecret, Instant previousSecretExpiresAt, Instant createdAt, Instant updatedAt,
        long version) {

    /** How long a rotated-out secret keeps signing alongside the new one. */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    public enum Status { ENABLED, DISABLED }

    public WebhookEndpoint {
        events = Set.copyOf(events);
    }

    public boolean subscribesTo(WebhookEventType type) {
        return status == Status.ENABLED && (allEvents || events.contains(type));
    }

    /** The secrets to sign with at {@code now}: the current one, and the previous one within the overlap. */
    public List<WebhookSecret> signingSecrets(Instant now) {
        List<WebhookSecret> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    public WebhookEndpoint rotated(WebhookSecret next, Instant now) {
        return new WebhookEndpoint(webhookId, sellerId, url, events, allEvents, description, status, disabledReason,
                next, secret, now.plus(ROTATION_OVERLAP), createdAt, now, version + 1);
    }

    public WebhookEndpoint disabled(String reason, Instant now) {
        return new WebhookEndpoint(webhookId, sellerId, url, events, allEvents, description, Status.DISABLED, reason,
                secret, previousSecret, previousSecretExpiresAt, createdAt, now, version + 1);
    }
}

package com.ordertracking.shared.application.sellerwebhook;

import com.ordertracking.shared.domain.sellerwebhook.ReceiverUrlPolicy;
import com.ordertracking.shared.domain.sellerwebhook.WebhookEndpoint;
import com.ordertracking.shared.domain.sellerwebhook.WebhookEventType;
import com.ordertracking.shared.domain.sellerwebhook.WebhookIds;
import com.ordertracking.shared.domain.sellerwebhook.WebhookSecret;
import com.ordertracking.shared.application.VersionConflictException;
import com.ordertracking.shared.application.FieldError;
import com.ordertracking.shared.application.ValidationException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Registers, lists, deletes seller endpoints and rotates their secrets. A seller only ever sees its own. */
public final class WebhookRegistrationService {
    /** Enough for every system a seller runs; keeps the fan-out per event small. */
    public static final int MAX_ENDPOINTS_PER_SELLER = 10;
    private static final int ATTEMPTS = 3;

    private final WebhookEndpointRepository endpoints;
    private final ReceiverUrlPolicy urlPolicy;
    private final ReceiverUrlPolicy.HostResolver resolver;
    private final SecureRandom random;
    private final Clock clock;

    public WebhookRegistrationService(WebhookEndpointRepository endpoints, ReceiverUrlPolicy urlPolicy,
            ReceiverUrlPolicy.HostResolver resolver, SecureRandom random, Clock clock) {
        this.endpoints = endpoints;
        this.urlPolicy = urlPolicy;
        this.resolver = resolver;
        this.random = random;
        this.clock = clock;
    }

    /** The outcome of a registration: the new endpoint (with its secret, shown once) or why not. */
    public sealed interface Registration {
        record Created(WebhookEndpoint endpoint) implements Registration {
        }

        record LimitReached(int limit) implements Registration {
        }
    }

    public Registration register(String sellerId, RegisterWebhook command) {
        List<FieldError> errors = new ArrayList<>();
        if (urlPolicy.check(command.url(), resolver) instanceof ReceiverUrlPolicy.Verdict.Refused(String reason)) {
            errors.add(new FieldError("url", reason));
        }
        WebhookEventType.problemWith(command.events()).ifPresent(problem -> errors.add(new FieldError("events", problem)));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (endpoints.listBySeller(sellerId).size() >= MAX_ENDPOINTS_PER_SELLER) {
            return new Registration.LimitReached(MAX_ENDPOINTS_PER_SELLER);
        }
        boolean all = command.events().contains(WebhookEventType.ALL);
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        command.events().forEach(name -> WebhookEventType.ofWireName(name).ifPresent(types::add));
        Instant now = clock.instant();
        WebhookEndpoint endpoint = new WebhookEndpoint(WebhookIds.newEndpointId(random), sellerId, command.url(),
                all ? Set.of() : types, all, command.description(), WebhookEndpoint.Status.ENABLED, null,
                WebhookSecret.generate(random), null, null, now, now, 1);
        endpoints.create(endpoint);
        return new Registration.Created(endpoint);
    }

    public List<WebhookEndpoint> list(String sellerId) {
        return endpoints.listBySeller(sellerId);
    }

    public Optional<WebhookEndpoint> find(String sellerId, String webhookId) {
        return WebhookIds.isEndpointId(webhookId) ? endpoints.find(sellerId, webhookId) : Optional.empty();
    }

    /** Deletes the endpoint; its pending deliveries are closed as failed when they next wake up. */
    public boolean delete(String sellerId, String webhookId) {
        return WebhookIds.isEndpointId(webhookId) && endpoints.delete(sellerId, webhookId);
    }

    /** A new secret; the old one keeps signing for {@link WebhookEndpoint#ROTATION_OVERLAP}. */
    public Optional<WebhookEndpoint> rotateSecret(String sellerId, String webhookId) {
        return change(sellerId, webhookId, current -> current.rotated(WebhookSecret.generate(random), clock.instant()));
    }

    /** Stops all deliveries to the endpoint (after a {@code 410 Gone}). */
    public Optional<WebhookEndpoint> disable(String sellerId, String webhookId, String reason) {
        return change(sellerId, webhookId, current -> current.status() == WebhookEndpoint.Status.DISABLED ? null
                : current.disabled(reason, clock.instant()));
    }

    private Optional<WebhookEndpoint> change(String sellerId, String webhookId,
            java.util.function.UnaryOperator<WebhookEndpoint> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<WebhookEndpoint> current = find(sellerId, webhookId);
            if (current.isEmpty()) {
                return current;
            }
            WebhookEndpoint next = change.apply(current.get());
            if (next == null) {
                return current;
            }
            try {
                endpoints.replace(next);
                return Optional.of(next);
            } catch (VersionConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}

package com.ordertracking.shared.application.sellerwebhook;

import com.ordertracking.shared.domain.sellerwebhook.EndpointBreaker;
import com.ordertracking.shared.domain.sellerwebhook.WebhookEndpoint;
import java.util.List;
import java.util.Optional;

/** Where sellers' endpoints live. Every write is conditional; a lost race is a {@code VersionConflictException}. */
public interface WebhookEndpointRepository {

    /** Stores a new endpoint (its id must be unused). */
    void create(WebhookEndpoint endpoint);

    /** The endpoint if it exists and belongs to {@code sellerId}. */
    Optional<WebhookEndpoint> find(String sellerId, String webhookId);

    /** All of a seller's endpoints, oldest first. */
    List<WebhookEndpoint> listBySeller(String sellerId);

    /** Replaces the stored endpoint whose version is {@code next.version() - 1}. */
    void replace(WebhookEndpoint next);

    /** The endpoint's circuit breaker ({@link EndpointBreaker#CLOSED} when none was recorded). */
    EndpointBreaker breaker(String sellerId, String webhookId);

    /**
     * Stores {@code next} if the breaker is still {@code expected} (same consecutive failures); false when another
     * attempt's result got there first (either is a fair record of the receiver's health) or the endpoint is gone.
     */
    boolean updateBreaker(String sellerId, String webhookId, EndpointBreaker expected, EndpointBreaker next);

    /** Deletes the endpoint; false when there was none. */
    boolean delete(String sellerId, String webhookId);
}

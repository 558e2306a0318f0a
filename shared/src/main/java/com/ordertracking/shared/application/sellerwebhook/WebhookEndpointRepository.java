package com.ordertracking.shared.application.sellerwebhook;

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

    /** Deletes the endpoint; false when there was none. */
    boolean delete(String sellerId, String webhookId);
}

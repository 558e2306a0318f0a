package com.ordertracking.shared.adapters.persistence.sellerwebhook;

/**
 * Keys of seller webhooks in the orders table (docs/data-model.md): an endpoint lives in its seller's
 * partition ({@code SELLER#id / WEBHOOK#id}, so another seller's id can never reach it), its deliveries in
 * the endpoint's own ({@code WEBHOOK#id / DELIVERY#msg_...}, time-ordered by id).
 */
final class WebhookKeys {
    static final String ENDPOINT_PREFIX = "WEBHOOK#";
    static final String DELIVERY_PREFIX = "DELIVERY#";

    private WebhookKeys() {
    }

    static String sellerPk(String sellerId) {
        return "SELLER#" + sellerId;
    }

    static String endpointSk(String webhookId) {
        return ENDPOINT_PREFIX + webhookId;
    }

    static String deliveriesPk(String webhookId) {
        return "WEBHOOK#" + webhookId;
    }

    static String deliverySk(String deliveryId) {
        return DELIVERY_PREFIX + deliveryId;
    }
}

package com.ordertracking.systemtests.driver;

import com.ordertracking.shared.adapters.json.Json;
import java.util.HashMap;
import java.util.Map;

/**
 * Buyer requests over any {@link Api} (issue 12): the buyer's cancellation request, the seller's decision,
 * partial refunds and compensations, each with an optional {@code Idempotency-Key} (none when null).
 */
public final class BuyerRequests {
    private final Api api;

    public BuyerRequests(Api api) {
        this.api = api;
    }

    /** POST /me/orders/{id}/cancellation {reason}. */
    public ApiResponse requestCancellation(String buyerId, String orderId, String reason, String key) {
        return api.send(Caller.buyer(buyerId), "POST", "/me/orders/" + orderId + "/cancellation",
                Json.write(Map.of("reason", reason)), keyed(key));
    }

    /** POST /orders/{id}/cancellation/approve|reject with {reason} (no body when null). */
    public ApiResponse decide(String sellerId, String orderId, String decision, String reason, String key) {
        return api.send(Caller.seller(sellerId), "POST", "/orders/" + orderId + "/cancellation/" + decision,
                reason == null ? null : Json.write(Map.of("reason", reason)), keyed(key));
    }

    /** POST /orders/{id}/refunds with a raw JSON body. */
    public ApiResponse refund(String sellerId, String orderId, String body, String key) {
        return api.send(Caller.seller(sellerId), "POST", "/orders/" + orderId + "/refunds", body, keyed(key));
    }

    /** POST /orders/{id}/refunds {amount, reason}. */
    public ApiResponse refundAmount(String sellerId, String orderId, String amount, String key) {
        return refund(sellerId, orderId, Json.write(Map.of("amount", amount, "reason", "goodwill")), key);
    }

    /** POST /orders/{id}/compensations with a raw JSON body. */
    public ApiResponse compensate(String sellerId, String orderId, String body, String key) {
        return api.send(Caller.seller(sellerId), "POST", "/orders/" + orderId + "/compensations", body, keyed(key));
    }

    private static Map<String, String> keyed(String key) {
        Map<String, String> headers = new HashMap<>();
        if (key != null) {
            headers.put("Idempotency-Key", key);
        }
        return headers;
    }
}

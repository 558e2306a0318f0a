package com.ordertracking.systemtests.driver;

import com.ordertracking.shared.adapters.json.Json;
import java.util.Map;

/**
 * Returns through any {@link Api}: the buyer asks, the seller decides, and either attaches the return shipment
 * ({@code POST /orders/…/returns/{returnId}/shipment} or the buyer's {@code /me/orders/…}).
 */
public final class Returns {
    private final Api api;

    public Returns(Api api) {
        this.api = api;
    }

    /** The buyer returns the whole order; the new return's id. */
    public String request(Caller buyer, String orderId, String reason) {
        ApiResponse response = api.post(buyer, "/me/orders/" + orderId + "/returns", Json.write(Map.of("reason", reason)));
        Seller.expect(response, 201);
        return response.json().get("returnId").asText();
    }

    public ApiResponse approve(Caller seller, String orderId, String returnId) {
        return api.post(seller, "/orders/" + orderId + "/returns/" + returnId + "/approve", null);
    }

    public ApiResponse receive(Caller seller, String orderId, String returnId) {
        return api.post(seller, "/orders/" + orderId + "/returns/" + returnId + "/receive", null);
    }

    /** Attaches {@code carrier} + {@code trackingNumber} as the caller (seller or buyer route by its role). */
    public ApiResponse attach(Caller caller, String orderId, String returnId, String carrier, String trackingNumber) {
        return attach(caller, orderId, returnId, Json.write(Map.of("carrier", carrier, "trackingNumber", trackingNumber)),
                Map.of());
    }

    /** Attaches with a raw body and headers (e.g. {@code Idempotency-Key}). */
    public ApiResponse attach(Caller caller, String orderId, String returnId, String body, Map<String, String> headers) {
        String prefix = caller.role().equals("buyer") ? "/me/orders/" : "/orders/";
        return api.send(caller, "POST", prefix + orderId + "/returns/" + returnId + "/shipment", body, headers);
    }
}

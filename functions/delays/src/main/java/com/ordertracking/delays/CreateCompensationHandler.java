package com.ordertracking.delays;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.order.OrderBodies;
import com.ordertracking.shared.adapters.http.order.OrderRequests;
import com.ordertracking.shared.application.order.CompensationService;
import com.ordertracking.shared.wiring.Components;
import java.util.Map;

/**
 * {@code POST /orders/{orderId}/compensations}: the seller offers the buyer of a delayed order a
 * goodwill coupon (one use, that buyer only, 90 days); 409 when the order never was delayed. A retry with
 * the same {@code Idempotency-Key} answers with the coupon offered the first time and creates none.
 */
public final class CreateCompensationHandler extends ApiHandler {
    private final CompensationService compensations;

    public CreateCompensationHandler() {
        this(Components.fromEnvironment().compensations());
    }

    public CreateCompensationHandler(CompensationService compensations) {
        this.compensations = compensations;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        OrderRequests.Off off = OrderBodies.compensation(request.jsonBody());
        CompensationService.Outcome outcome = compensations.offer(sellerId, request.pathParameter("orderId"),
                off.percentOff(), off.amountOff(), request.header("Idempotency-Key").orElse(null));
        return ApiResponses.json(201, outcome.offered(),
                Map.of("idempotent-replayed", Boolean.toString(outcome.replayed())));
    }
}

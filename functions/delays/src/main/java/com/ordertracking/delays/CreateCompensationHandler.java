package com.ordertracking.delays;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.http.ApiHandler;
import com.ordertracking.shared.http.ApiRequest;
import com.ordertracking.shared.http.ApiResponses;
import com.ordertracking.shared.orders.CompensationService;

/**
 * {@code POST /orders/{orderId}/compensations}: the seller offers the buyer of a delayed order a
 * goodwill coupon (one use, that buyer only, 90 days); 409 when the order never was delayed.
 */
public final class CreateCompensationHandler extends ApiHandler {
    private final CompensationService compensations;

    public CreateCompensationHandler() {
        this(CompensationService.fromEnvironment());
    }

    public CreateCompensationHandler(CompensationService compensations) {
        this.compensations = compensations;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        CompensationService.Offered offered = compensations.offer(sellerId, request.pathParameter("orderId"),
                request.jsonBody());
        return ApiResponses.json(201, offered);
    }
}

package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.http.ApiHandler;
import com.ordertracking.shared.http.ApiRequest;
import com.ordertracking.shared.http.ApiResponses;
import com.ordertracking.shared.orders.FulfilmentService;
import java.util.Map;

/** {@code GET /orders/{orderId}/events}: the order's timeline, oldest first, as {@code {items}}. */
public final class GetOrderEventsHandler extends ApiHandler {
    private final FulfilmentService fulfilment;

    public GetOrderEventsHandler() {
        this(FulfilmentService.fromEnvironment());
    }

    public GetOrderEventsHandler(FulfilmentService fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        var items = fulfilment.timeline(request.seller().subject(), request.pathParameter("orderId"));
        return ApiResponses.json(200, Map.of("items", items));
    }
}

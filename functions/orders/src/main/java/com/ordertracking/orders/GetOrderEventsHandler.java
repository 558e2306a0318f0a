package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.application.order.FulfilmentService;
import com.ordertracking.shared.wiring.Components;
import java.util.Map;

/** {@code GET /orders/{orderId}/events}: the order's timeline, oldest first, as {@code {items}}. */
public final class GetOrderEventsHandler extends ApiHandler {
    private final FulfilmentService fulfilment;

    public GetOrderEventsHandler() {
        this(Components.fromEnvironment().fulfilment());
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

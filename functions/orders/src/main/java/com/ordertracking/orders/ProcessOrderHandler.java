package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.OrderViews;
import com.ordertracking.shared.adapters.http.IfMatch;
import com.ordertracking.shared.application.order.FulfilmentService;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.wiring.Components;
import java.util.Map;

/** {@code POST /orders/{orderId}/process}: PENDING → PROCESSED; optional {@code If-Match}. */
public final class ProcessOrderHandler extends ApiHandler {
    private final FulfilmentService fulfilment;
    private final OrderViews views;

    public ProcessOrderHandler() {
        this(Components.fromEnvironment());
    }

    private ProcessOrderHandler(Components components) {
        this(components.fulfilment(), new OrderViews(components.trackingLinks()));
    }

    public ProcessOrderHandler(FulfilmentService fulfilment, OrderViews views) {
        this.fulfilment = fulfilment;
        this.views = views;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        Order order = fulfilment.process(request.seller().subject(), request.pathParameter("orderId"),
                IfMatch.version(request));
        return ApiResponses.json(200, views.of(order), Map.of("etag", ApiResponses.etag(order.version())));
    }
}

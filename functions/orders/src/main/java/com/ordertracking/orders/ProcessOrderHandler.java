package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.http.ApiHandler;
import com.ordertracking.shared.http.ApiRequest;
import com.ordertracking.shared.adapters.http.OrderViews;
import com.ordertracking.shared.http.ApiResponses;
import com.ordertracking.shared.orders.FulfilmentService;
import java.util.Map;

/** {@code POST /orders/{orderId}/process}: PENDING → PROCESSED; optional {@code If-Match}. */
public final class ProcessOrderHandler extends ApiHandler {
    private final FulfilmentService fulfilment;
    private final OrderViews views;

    public ProcessOrderHandler() {
        this(FulfilmentService.fromEnvironment(), OrderViews.fromEnvironment());
    }

    public ProcessOrderHandler(FulfilmentService fulfilment, OrderViews views) {
        this.fulfilment = fulfilment;
        this.views = views;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        Order order = fulfilment.process(request.seller().subject(), request.pathParameter("orderId"),
                request.header("If-Match"));
        return ApiResponses.json(200, views.of(order), Map.of("etag", ApiResponses.etag(order.version())));
    }
}

package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.OrderViews;
import com.ordertracking.shared.adapters.http.order.RequestBodies;
import com.ordertracking.shared.adapters.http.IfMatch;
import com.ordertracking.shared.application.order.OrderLifecycleService.ReturnDecision;
import com.ordertracking.shared.application.order.OrderLifecycleService;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.wiring.Components;
import java.util.Map;

/** {@code POST /orders/{orderId}/returns/{returnId}/reject}: reject the buyer's return request with an optional {@code {reason}} (→ RETURN_REJECTED). */
public final class RejectReturnHandler extends ApiHandler {
    private final OrderLifecycleService orders;
    private final OrderViews views;

    public RejectReturnHandler() {
        this(Components.fromEnvironment());
    }

    private RejectReturnHandler(Components components) {
        this(components.lifecycle(), new OrderViews(components.trackingLinks()));
    }

    public RejectReturnHandler(OrderLifecycleService orders, OrderViews views) {
        this.orders = orders;
        this.views = views;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        Order order = orders.decideReturn(sellerId, request.pathParameter("orderId"),
                request.pathParameter("returnId"), ReturnDecision.REJECT, RequestBodies.optionalReason(request), IfMatch.version(request));
        return ApiResponses.json(200, views.of(order), Map.of("etag", ApiResponses.etag(order.version())));
    }
}

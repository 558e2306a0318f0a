package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.OrderViews;
import com.ordertracking.shared.adapters.http.order.RequestBodies;
import com.ordertracking.shared.adapters.http.order.RequestResponses;
import com.ordertracking.shared.application.order.CancellationRequestService;
import com.ordertracking.shared.application.order.CancellationRequestService.Decision;
import com.ordertracking.shared.wiring.Components;

/**
 * {@code POST /orders/{orderId}/cancellation/reject {reason?}}: the seller rejects the buyer's pending cancellation
 * request: the order ships as planned; 409 when there is no pending request
 * (shipping rejected it, or it was decided). {@code Idempotency-Key} optional.
 */
public final class RejectCancellationHandler extends ApiHandler {
    private final CancellationRequestService requests;
    private final OrderViews views;

    public RejectCancellationHandler() {
        this(Components.fromEnvironment());
    }

    private RejectCancellationHandler(Components components) {
        this(components.cancellationRequests(), new OrderViews(components.trackingLinks()));
    }

    public RejectCancellationHandler(CancellationRequestService requests, OrderViews views) {
        this.requests = requests;
        this.views = views;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return RequestResponses.decided(views, requests.decide(request.seller().subject(),
                request.pathParameter("orderId"), Decision.REJECT, RequestBodies.optionalReason(request),
                request.header("Idempotency-Key").orElse(null)));
    }
}

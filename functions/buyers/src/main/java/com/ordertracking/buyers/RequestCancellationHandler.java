package com.ordertracking.buyers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.OrderViews;
import com.ordertracking.shared.adapters.http.order.RequestBodies;
import com.ordertracking.shared.adapters.http.order.RequestResponses;
import com.ordertracking.shared.application.order.CancellationRequestService;
import com.ordertracking.shared.wiring.Components;

/**
 * {@code POST /me/orders/{orderId}/cancellation {reason}}: a PENDING order is cancelled at once (200); a
 * PROCESSED one gets a request the seller decides (202, {@code cancellationRequest.state = PENDING}); a shipped
 * order is 409 (request a return after delivery). {@code Idempotency-Key} optional.
 */
public final class RequestCancellationHandler extends ApiHandler {
    private final CancellationRequestService requests;
    private final OrderViews views;

    public RequestCancellationHandler() {
        this(Components.fromEnvironment());
    }

    private RequestCancellationHandler(Components components) {
        this(components.cancellationRequests(), new OrderViews(components.trackingLinks()));
    }

    public RequestCancellationHandler(CancellationRequestService requests, OrderViews views) {
        this.requests = requests;
        this.views = views;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String reason = RequestBodies.cancellationReason(request.jsonBody());
        return RequestResponses.requested(views, requests.request(request.buyer().subject(),
                request.pathParameter("orderId"), reason, request.header("Idempotency-Key").orElse(null)));
    }
}

package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.OrderViews;
import com.ordertracking.shared.adapters.http.IfMatch;
import com.ordertracking.shared.adapters.http.order.OrderBodies;
import com.ordertracking.shared.application.order.FulfilmentService;
import com.ordertracking.shared.application.order.ShipRequest;
import com.ordertracking.shared.application.tracking.TrackingConfig;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.wiring.Components;
import java.util.Map;

/**
 * {@code POST /orders/{orderId}/ship} {@code {carrier, trackingNumber, estimatedDelivery?}}: PROCESSED →
 * SHIPPED, registering the tracking number to this order (another order's number is a 409).
 */
public final class ShipOrderHandler extends ApiHandler {
    private final FulfilmentService fulfilment;
    private final TrackingConfig carriers;
    private final OrderViews views;

    public ShipOrderHandler() {
        this(Components.fromEnvironment());
    }

    private ShipOrderHandler(Components components) {
        this(components.fulfilment(), components.trackingConfig(), new OrderViews(components.trackingLinks()));
    }

    public ShipOrderHandler(FulfilmentService fulfilment, TrackingConfig carriers, OrderViews views) {
        this.fulfilment = fulfilment;
        this.carriers = carriers;
        this.views = views;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        ShipRequest ship = OrderBodies.ship(request.jsonBody(), carriers);
        Order order = fulfilment.ship(sellerId, request.pathParameter("orderId"), ship, IfMatch.version(request));
        return ApiResponses.json(200, views.of(order), Map.of("etag", ApiResponses.etag(order.version())));
    }
}

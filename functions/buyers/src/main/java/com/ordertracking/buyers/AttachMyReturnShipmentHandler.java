package com.ordertracking.buyers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.order.ReturnShipmentRoute;
import com.ordertracking.shared.application.order.ReturnShipmentService;
import com.ordertracking.shared.application.order.ReturnShipmentService.Party;
import com.ordertracking.shared.application.tracking.TrackingConfig;
import com.ordertracking.shared.wiring.Components;

/**
 * {@code POST /me/orders/{orderId}/returns/{returnId}/shipment} {@code {carrier, trackingNumber}}: the buyer attaches
 * the return shipment of an approved return (201); carrier scans then move it, and its delivery makes the order
 * RETURNED. Not approved, or another shipment already: 409; another buyer's order: 404.
 */
public final class AttachMyReturnShipmentHandler extends ApiHandler {
    private final ReturnShipmentService returns;
    private final TrackingConfig carriers;

    public AttachMyReturnShipmentHandler() {
        this(Components.fromEnvironment());
    }

    private AttachMyReturnShipmentHandler(Components components) {
        this(components.returnShipments(), components.trackingConfig());
    }

    public AttachMyReturnShipmentHandler(ReturnShipmentService returns, TrackingConfig carriers) {
        this.returns = returns;
        this.carriers = carriers;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return ReturnShipmentRoute.attach(request, Party.BUYER, returns, carriers);
    }
}

package com.ordertracking.shared.adapters.http.order;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.ReturnShipmentViews;
import com.ordertracking.shared.application.order.ReturnShipmentService;
import com.ordertracking.shared.application.order.ReturnShipmentService.Party;
import com.ordertracking.shared.application.tracking.TrackingConfig;
import java.util.Map;

/**
 * The two attach routes, seller's and buyer's, differ only in who calls: {@code 201} with the shipment, also
 * for a repeat (the same body, or the same {@code Idempotency-Key}), which {@code Idempotent-Replayed: true}
 * marks; {@code Location} is the order as the caller sees it.
 */
public final class ReturnShipmentRoute {
    private ReturnShipmentRoute() {
    }

    public static APIGatewayV2HTTPResponse attach(ApiRequest request, Party party, ReturnShipmentService returns,
            TrackingConfig carriers) {
        String callerId = party == Party.SELLER ? request.seller().subject() : request.buyer().subject();
        String orderId = request.pathParameter("orderId");
        ReturnShipmentService.Attached attached = returns.attach(party, callerId, orderId,
                request.pathParameter("returnId"), OrderBodies.returnShipment(request.jsonBody(), carriers),
                request.header("Idempotency-Key").orElse(null));
        return ApiResponses.json(201, ReturnShipmentViews.of(attached.shipment()), Map.of(
                "location", (party == Party.SELLER ? "/orders/" : "/me/orders/") + orderId,
                "idempotent-replayed", Boolean.toString(attached.replayed())));
    }
}

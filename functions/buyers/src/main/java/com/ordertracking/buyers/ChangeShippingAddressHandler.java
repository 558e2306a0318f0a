package com.ordertracking.buyers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.IfMatch;
import com.ordertracking.shared.adapters.http.JsonFields;
import com.ordertracking.shared.adapters.http.order.OrderRequests;
import com.ordertracking.shared.application.order.BuyerOrderService;
import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.wiring.Components;
import java.util.Map;

/**
 * {@code PATCH /me/orders/{orderId}/shipping-address}: the body is the new address; allowed while
 * the order is PENDING (later: 409, contact the seller). {@code If-Match} is optional.
 */
public final class ChangeShippingAddressHandler extends ApiHandler {
    private final BuyerOrderService orders;

    public ChangeShippingAddressHandler() {
        this(Components.fromEnvironment().buyerOrders());
    }

    public ChangeShippingAddressHandler(BuyerOrderService orders) {
        this.orders = orders;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String buyerId = request.buyer().subject();
        JsonFields body = JsonFields.root(request.jsonBody());
        body.throwIfInvalid();
        Address address = OrderRequests.address(body);
        body.throwIfInvalid();
        Order order = orders.changeShippingAddress(buyerId, request.pathParameter("orderId"), address,
                IfMatch.version(request));
        return ApiResponses.json(200, order, Map.of("etag", ApiResponses.etag(order.version())));
    }
}

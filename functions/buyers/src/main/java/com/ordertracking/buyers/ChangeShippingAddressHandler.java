package com.ordertracking.buyers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.OrderViews;
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
    private final OrderViews views;

    public ChangeShippingAddressHandler() {
        this(Components.fromEnvironment());
    }

    private ChangeShippingAddressHandler(Components components) {
        this(components.buyerOrders(), new OrderViews(components.trackingLinks()));
    }

    public ChangeShippingAddressHandler(BuyerOrderService orders, OrderViews views) {
        this.orders = orders;
        this.views = views;
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
        return ApiResponses.json(200, views.of(order), Map.of("etag", ApiResponses.etag(order.version())));
    }
}

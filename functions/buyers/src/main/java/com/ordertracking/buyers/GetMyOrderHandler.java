package com.ordertracking.buyers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.OrderViews;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.order.BuyerOrderService;
import com.ordertracking.shared.application.order.PackageService;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.ReturnRequest;
import com.ordertracking.shared.domain.seller.SellerSnapshot;
import com.ordertracking.shared.wiring.Components;
import java.util.Map;

/**
 * {@code GET /me/orders/{orderId}}: one of the buyer's orders with its shipment, ETA, delivery time,
 * return window and timeline (oldest first). Another buyer's order is 404.
 */
public final class GetMyOrderHandler extends ApiHandler {
    private final BuyerOrderService orders;
    private final PackageService packages;
    private final OrderViews views;

    public GetMyOrderHandler() {
        this(Components.fromEnvironment());
    }

    private GetMyOrderHandler(Components components) {
        this(components.buyerOrders(), components.packages(), new OrderViews(components.trackingLinks()));
    }

    public GetMyOrderHandler(BuyerOrderService orders, PackageService packages, OrderViews views) {
        this.orders = orders;
        this.packages = packages;
        this.views = views;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String buyerId = request.buyer().subject();
        BuyerOrderService.Detail detail = orders.detail(buyerId, request.pathParameter("orderId"));
        Order order = detail.order();
        ObjectNode body = (ObjectNode) Json.tree(views.of(order, packages.packages(order)));
        String shop = SellerSnapshot.displayNameOf(order.seller());
        if (shop != null) {
            body.put("sellerDisplayName", shop);
        }
        if (order.shipment() != null && order.shipment().estimatedDelivery() != null) {
            body.put("estimatedDelivery", order.shipment().estimatedDelivery().toString());
        }
        if (detail.deliveredAt() != null) {
            body.put("deliveredAt", detail.deliveredAt().toString());
            body.put("returnWindowEndsAt", detail.deliveredAt().plus(ReturnRequest.WINDOW).toString());
        }
        body.set("timeline", Json.tree(detail.timeline()));
        return ApiResponses.json(200, body, Map.of("etag", ApiResponses.etag(order.version())));
    }
}

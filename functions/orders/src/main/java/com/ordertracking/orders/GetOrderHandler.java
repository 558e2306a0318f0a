package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.OrderViews;
import com.ordertracking.shared.application.order.OrderService;
import com.ordertracking.shared.application.order.PackageService;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.wiring.Components;
import java.util.Map;

/** {@code GET /orders/{orderId}}: a seller reads one of its orders; {@code ETag} carries the version. */
public final class GetOrderHandler extends ApiHandler {
    private final OrderService orders;
    private final PackageService packages;
    private final OrderViews views;

    public GetOrderHandler() {
        this(Components.fromEnvironment());
    }

    private GetOrderHandler(Components components) {
        this(components.orders(), components.packages(), new OrderViews(components.trackingLinks()));
    }

    public GetOrderHandler(OrderService orders, PackageService packages, OrderViews views) {
        this.orders = orders;
        this.packages = packages;
        this.views = views;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        Order order = orders.getForSeller(sellerId, request.pathParameter("orderId"));
        String etag = ApiResponses.etag(order.version());
        if (request.header("If-None-Match").map(header -> matchesWeakly(header, etag)).orElse(false)) {
            return ApiResponses.empty(304, Map.of("etag", etag));
        }
        return ApiResponses.json(200, views.of(order, packages.packages(order)), Map.of("etag", etag));
    }

    /** RFC 9110 13.1.2: If-None-Match uses weak comparison over a list of tags, or {@code *}. */
    static boolean matchesWeakly(String header, String etag) {
        for (String tag : header.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.equals(etag) || candidate.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}

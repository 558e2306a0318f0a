package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.order.Listings;
import com.ordertracking.shared.application.order.OrderLifecycleService;
import com.ordertracking.shared.application.order.Page;
import com.ordertracking.shared.wiring.Components;

/**
 * {@code GET /orders?status=&createdFrom=&createdTo=&limit=&cursor=}: the seller's orders, newest
 * first, one page of {@code {items, nextCursor}} from the BySeller/BySellerStatus index.
 */
public final class ListOrdersHandler extends ApiHandler {
    private final OrderLifecycleService orders;

    public ListOrdersHandler() {
        this(Components.fromEnvironment().lifecycle());
    }

    public ListOrdersHandler(OrderLifecycleService orders) {
        this.orders = orders;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        Page page = orders.list(Listings.seller(sellerId, request));
        return ApiResponses.json(200, page);
    }
}

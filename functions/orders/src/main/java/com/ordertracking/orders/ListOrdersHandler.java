package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.http.ApiHandler;
import com.ordertracking.shared.http.ApiRequest;
import com.ordertracking.shared.http.ApiResponses;
import com.ordertracking.shared.orders.Listings;
import com.ordertracking.shared.orders.OrderLifecycleService;
import com.ordertracking.shared.persistence.Page;

/**
 * {@code GET /orders?status=&createdFrom=&createdTo=&limit=&cursor=}: the seller's orders, newest
 * first, one page of {@code {items, nextCursor}} from the BySeller/BySellerStatus index.
 */
public final class ListOrdersHandler extends ApiHandler {
    private final OrderLifecycleService orders;

    public ListOrdersHandler() {
        this(OrderLifecycleService.fromEnvironment());
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

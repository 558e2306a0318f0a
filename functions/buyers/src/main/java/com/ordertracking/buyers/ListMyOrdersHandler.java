package com.ordertracking.buyers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.http.ApiHandler;
import com.ordertracking.shared.http.ApiRequest;
import com.ordertracking.shared.http.ApiResponses;
import com.ordertracking.shared.orders.BuyerOrderService;
import com.ordertracking.shared.orders.Listings;
import com.ordertracking.shared.persistence.Page;
import java.util.List;

/** {@code GET /me/orders?limit=&cursor=}: the buyer's order history, newest first, from the ByBuyer index. */
public final class ListMyOrdersHandler extends ApiHandler {
    private final BuyerOrderService orders;

    public ListMyOrdersHandler() {
        this(BuyerOrderService.fromEnvironment());
    }

    public ListMyOrdersHandler(BuyerOrderService orders) {
        this.orders = orders;
    }

    record History(List<OrderSummary> items, String nextCursor) {
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String buyerId = request.buyer().subject();
        Page page = orders.history(buyerId, Listings.page(request));
        return ApiResponses.json(200, new History(page.items().stream().map(OrderSummary::of).toList(),
                page.nextCursor()));
    }
}

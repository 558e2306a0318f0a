package com.ordertracking.buyers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.order.Listings;
import com.ordertracking.shared.application.order.BuyerOrderService;
import com.ordertracking.shared.application.order.Page;
import com.ordertracking.shared.wiring.Components;
import java.util.List;

/** {@code GET /me/orders?limit=&cursor=}: the buyer's order history, newest first, from the ByBuyer index. */
public final class ListMyOrdersHandler extends ApiHandler {
    private final BuyerOrderService orders;

    public ListMyOrdersHandler() {
        this(Components.fromEnvironment().buyerOrders());
    }

    public ListMyOrdersHandler(BuyerOrderService orders) {
        this.orders = orders;
    }

    record History(List<OrderSummary> items, String nextCursor) {
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String buyerId = request.buyer().subject();
        Listings.PageRequest pageRequest = Listings.page(request);
        Page page = orders.history(buyerId, pageRequest.limit(), pageRequest.cursor());
        return ApiResponses.json(200, new History(page.items().stream().map(OrderSummary::of).toList(),
                page.nextCursor()));
    }
}

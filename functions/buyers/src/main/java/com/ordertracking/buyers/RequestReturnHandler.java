package com.ordertracking.buyers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.JsonFields;
import com.ordertracking.shared.application.order.BuyerOrderService;
import com.ordertracking.shared.domain.ReturnRequest;
import com.ordertracking.shared.wiring.Components;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /me/orders/{orderId}/returns {reason, items?}}: within 30 days of delivery, 201
 * {@code {returnId}} and the order becomes RETURN_REQUESTED; otherwise 409. {@code items}
 * ({@code [{sku, quantity}]}) returns part of the order; without it the whole order goes back.
 */
public final class RequestReturnHandler extends ApiHandler {
    private final BuyerOrderService orders;

    public RequestReturnHandler() {
        this(Components.fromEnvironment().buyerOrders());
    }

    public RequestReturnHandler(BuyerOrderService orders) {
        this.orders = orders;
    }

    record Created(String returnId, String orderId, String status) {
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String buyerId = request.buyer().subject();
        String orderId = request.pathParameter("orderId");
        JsonFields body = JsonFields.root(request.jsonBody());
        body.throwIfInvalid();
        body.rejectUnknown(Set.of("reason", "items"));
        String reason = body.requiredText("reason", 500);
        List<ReturnRequest.ReturnItem> items = null;
        if (body.has("items")) {
            items = new ArrayList<>();
            Set<String> skus = new HashSet<>();
            for (JsonFields item : body.requiredObjectArray("items", 1, 100)) {
                item.rejectUnknown(Set.of("sku", "quantity"));
                String sku = item.requiredText("sku", 64);
                Integer quantity = item.requiredInt("quantity", 1, 10_000);
                if (sku != null && !skus.add(sku)) {
                    item.error("sku", "appears more than once");
                }
                if (sku != null && quantity != null) {
                    items.add(new ReturnRequest.ReturnItem(sku, quantity));
                }
            }
        }
        body.throwIfInvalid();
        ReturnRequest created = orders.requestReturn(buyerId, orderId, reason, items);
        return ApiResponses.json(201, new Created(created.returnId(), orderId, "RETURN_REQUESTED"),
                Map.of("location", "/me/orders/" + orderId));
    }
}

package com.ordertracking.buyers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.JsonFields;
import com.ordertracking.shared.application.order.BuyerOrderService;
import com.ordertracking.shared.domain.Feedback;
import com.ordertracking.shared.wiring.Components;
import java.util.Set;

/**
 * {@code POST /me/orders/{orderId}/feedback {rating, comment?}}: once, after delivery (201);
 * before delivery or a second time 409; a rating outside 1–5 is 400.
 */
public final class LeaveFeedbackHandler extends ApiHandler {
    private final BuyerOrderService orders;

    public LeaveFeedbackHandler() {
        this(Components.fromEnvironment().buyerOrders());
    }

    public LeaveFeedbackHandler(BuyerOrderService orders) {
        this.orders = orders;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String buyerId = request.buyer().subject();
        String orderId = request.pathParameter("orderId");
        JsonFields body = JsonFields.root(request.jsonBody());
        body.throwIfInvalid();
        body.rejectUnknown(Set.of("rating", "comment"));
        Integer rating = body.requiredInt("rating", Feedback.MIN_RATING, Feedback.MAX_RATING);
        String comment = body.optionalText("comment", 2000);
        body.throwIfInvalid();
        Feedback feedback = orders.leaveFeedback(buyerId, orderId, rating, comment);
        return ApiResponses.json(201, feedback);
    }
}

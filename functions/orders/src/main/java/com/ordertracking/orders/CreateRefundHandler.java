package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.order.RequestBodies;
import com.ordertracking.shared.adapters.http.order.RequestResponses;
import com.ordertracking.shared.application.FieldError;
import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.application.order.PartialRefundService;
import com.ordertracking.shared.application.order.PartialRefundService.RefundRequest;
import com.ordertracking.shared.wiring.Components;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /orders/{orderId}/refunds {amount? | items?, reason, returnless?}} with a required
 * {@code Idempotency-Key}: refunds part of what the buyer paid, in any status; 201 with the refund, 409 when it
 * would take the refunds above the order total.
 */
public final class CreateRefundHandler extends ApiHandler {
    private final PartialRefundService refunds;

    public CreateRefundHandler() {
        this(Components.fromEnvironment().partialRefunds());
    }

    public CreateRefundHandler(PartialRefundService refunds) {
        this.refunds = refunds;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        String key = request.header("Idempotency-Key").orElse(null);
        List<FieldError> errors = new ArrayList<>();
        RefundRequest refund = null;
        try {
            refund = RequestBodies.refund(request.jsonBody());
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (key == null) {
            // A refund moves money: without a key a retry could pay twice.
            errors.add(new FieldError("Idempotency-Key", "header is required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return RequestResponses.refunded(refunds.refund(sellerId, request.pathParameter("orderId"), refund, key));
    }
}

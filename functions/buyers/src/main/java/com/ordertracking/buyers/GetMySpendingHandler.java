package com.ordertracking.buyers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.spending.SpendingRequests;
import com.ordertracking.shared.application.spending.SpendingService;
import com.ordertracking.shared.wiring.Components;

/**
 * {@code GET /me/spending?from=&to=}: the buyer's spending per currency and per seller for orders placed on
 * those days (UTC, inclusive), net of cancellations and refunds; one Query on the buyer's spending ledger.
 */
public final class GetMySpendingHandler extends ApiHandler {
    private final SpendingService spending;

    public GetMySpendingHandler() {
        this(Components.fromEnvironment().spending());
    }

    public GetMySpendingHandler(SpendingService spending) {
        this.spending = spending;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String buyerId = request.buyer().subject();
        return ApiResponses.json(200, spending.report(buyerId, SpendingRequests.period(request)));
    }
}

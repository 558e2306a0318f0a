package com.ordertracking.notifications;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.application.notification.PreferencesService;
import com.ordertracking.shared.wiring.Components;

/** {@code GET /me/notification-preferences}: the buyer's preferences, defaults (nothing sent) when never set. */
public final class GetBuyerPreferencesHandler extends ApiHandler {
    private final PreferencesService preferences;

    public GetBuyerPreferencesHandler() {
        this(Components.fromEnvironment().preferences());
    }

    public GetBuyerPreferencesHandler(PreferencesService preferences) {
        this.preferences = preferences;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return ApiResponses.json(200, preferences.buyer(request.buyer().subject()));
    }
}

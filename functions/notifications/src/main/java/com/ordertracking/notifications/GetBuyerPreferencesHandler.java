package com.ordertracking.notifications;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.http.ApiHandler;
import com.ordertracking.shared.http.ApiRequest;
import com.ordertracking.shared.http.ApiResponses;
import com.ordertracking.shared.notifications.PreferencesService;

/** {@code GET /me/notification-preferences}: the buyer's preferences, defaults (nothing sent) when never set. */
public final class GetBuyerPreferencesHandler extends ApiHandler {
    private final PreferencesService preferences;

    public GetBuyerPreferencesHandler() {
        this(PreferencesService.fromEnvironment());
    }

    public GetBuyerPreferencesHandler(PreferencesService preferences) {
        this.preferences = preferences;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return ApiResponses.json(200, preferences.buyer(request.buyer().subject()));
    }
}

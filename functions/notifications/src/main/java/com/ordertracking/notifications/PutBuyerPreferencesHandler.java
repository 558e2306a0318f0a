package com.ordertracking.notifications;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.notification.PreferencesBodies;
import com.ordertracking.shared.application.notification.PreferencesService;
import com.ordertracking.shared.wiring.Components;

/**
 * {@code PUT /me/notification-preferences {email?, phone?, channels: {sms, email}, optOuts?}}: replaces
 * the buyer's preferences and (un)subscribes the email address on the {@code buyer-email} topic;
 * invalid input is 400 naming each field.
 */
public final class PutBuyerPreferencesHandler extends ApiHandler {
    private final PreferencesService preferences;

    public PutBuyerPreferencesHandler() {
        this(Components.fromEnvironment().preferences());
    }

    public PutBuyerPreferencesHandler(PreferencesService preferences) {
        this.preferences = preferences;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String buyerId = request.buyer().subject();
        return ApiResponses.json(200, preferences.updateBuyer(buyerId, PreferencesBodies.buyer(request.jsonBody())));
    }
}

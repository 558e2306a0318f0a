package com.ordertracking.notifications;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.notification.PreferencesBodies;
import com.ordertracking.shared.application.notification.PreferencesService;
import com.ordertracking.shared.wiring.Components;

/**
 * {@code PUT /seller/notification-preferences {email?, phone?, alerts?}}: where the seller's delay and
 * shipment-exception alerts go; the email address is (un)subscribed on the {@code seller-alerts} topic.
 */
public final class PutSellerPreferencesHandler extends ApiHandler {
    private final PreferencesService preferences;

    public PutSellerPreferencesHandler() {
        this(Components.fromEnvironment().preferences());
    }

    public PutSellerPreferencesHandler(PreferencesService preferences) {
        this.preferences = preferences;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        return ApiResponses.json(200, preferences.updateSeller(sellerId, PreferencesBodies.seller(request.jsonBody())));
    }
}

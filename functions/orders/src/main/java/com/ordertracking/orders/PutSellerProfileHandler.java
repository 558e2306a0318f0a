package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.IfMatch;
import com.ordertracking.shared.adapters.http.order.ProfileBodies;
import com.ordertracking.shared.adapters.http.seller.ProfileView;
import com.ordertracking.shared.application.seller.SellerProfileService;
import com.ordertracking.shared.domain.seller.SellerProfile;
import com.ordertracking.shared.wiring.Components;
import java.util.Map;

/**
 * {@code PUT /seller/profile}: creates or replaces the calling seller's profile (display name, support email,
 * warehouses with one default, return address). {@code If-Match} optional (412 when stale). Past orders keep
 * what they copied.
 */
public final class PutSellerProfileHandler extends ApiHandler {
    private final SellerProfileService profiles;

    public PutSellerProfileHandler() {
        this(Components.fromEnvironment().sellerProfiles());
    }

    public PutSellerProfileHandler(SellerProfileService profiles) {
        this.profiles = profiles;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String sellerId = request.seller().subject();
        SellerProfile profile = profiles.put(sellerId, ProfileBodies.profile(request.jsonBody()), IfMatch.version(request));
        return ApiResponses.json(200, ProfileView.of(profile), Map.of("etag", ApiResponses.etag(profile.version())));
    }
}

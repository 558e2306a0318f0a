package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.seller.ProfileView;
import com.ordertracking.shared.application.seller.SellerProfileService;
import com.ordertracking.shared.domain.seller.SellerProfile;
import com.ordertracking.shared.wiring.Components;
import java.util.Map;

/** {@code GET /seller/profile}: the calling seller's profile with its version as {@code ETag}; 404 before the first PUT. */
public final class GetSellerProfileHandler extends ApiHandler {
    private final SellerProfileService profiles;

    public GetSellerProfileHandler() {
        this(Components.fromEnvironment().sellerProfiles());
    }

    public GetSellerProfileHandler(SellerProfileService profiles) {
        this.profiles = profiles;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        SellerProfile profile = profiles.get(request.seller().subject());
        return ApiResponses.json(200, ProfileView.of(profile), Map.of("etag", ApiResponses.etag(profile.version())));
    }
}

package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.IfMatch;
import com.ordertracking.shared.adapters.http.OrderViews;
import com.ordertracking.shared.adapters.http.order.PackageBodies;
import com.ordertracking.shared.application.order.PackageService;
import com.ordertracking.shared.application.tracking.TrackingConfig;
import com.ordertracking.shared.wiring.Components;

/**
 * {@code PATCH /orders/{orderId}/packages/{packageId}} {@code {carrier?, trackingNumber?}}: corrects a package's
 * carrier or number until the carrier's first scan (then {@code 409 package-already-scanned}); events parked for
 * the new number are applied.
 */
public final class CorrectPackageHandler extends ApiHandler {
    private final PackageService packages;
    private final TrackingConfig carriers;
    private final OrderViews views;

    public CorrectPackageHandler() {
        this(Components.fromEnvironment());
    }

    private CorrectPackageHandler(Components components) {
        this(components.packages(), components.trackingConfig(), new OrderViews(components.trackingLinks()));
    }

    public CorrectPackageHandler(PackageService packages, TrackingConfig carriers, OrderViews views) {
        this.packages = packages;
        this.carriers = carriers;
        this.views = views;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        PackageBodies.CarrierAndNumber correction = PackageBodies.correction(request.jsonBody(), carriers);
        PackageService.Shipped corrected = packages.correct(request.seller().subject(),
                request.pathParameter("orderId"), request.pathParameter("packageId"), correction.carrier(),
                correction.trackingNumber(), IfMatch.version(request));
        return CreatePackageHandler.packageResponse(views, corrected, 200);
    }
}

package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.IfMatch;
import com.ordertracking.shared.adapters.http.OrderViews;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.http.order.PackageBodies;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.order.PackageService;
import com.ordertracking.shared.application.tracking.TrackingConfig;
import com.ordertracking.shared.wiring.Components;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /orders/{orderId}/packages} {@code {carrier, trackingNumber, items?, estimatedDelivery?}}: ships a
 * package (items omitted = everything not yet packed). {@code 201} with the package (plus {@code orderId},
 * {@code orderStatus}) and {@code Location}; a replay
 * ({@code Idempotency-Key}, or the same carrier + number again) is {@code 200} with the same package.
 */
public final class CreatePackageHandler extends ApiHandler {
    private final PackageService packages;
    private final TrackingConfig carriers;
    private final OrderViews views;

    public CreatePackageHandler() {
        this(Components.fromEnvironment());
    }

    private CreatePackageHandler(Components components) {
        this(components.packages(), components.trackingConfig(), new OrderViews(components.trackingLinks()));
    }

    public CreatePackageHandler(PackageService packages, TrackingConfig carriers, OrderViews views) {
        this.packages = packages;
        this.carriers = carriers;
        this.views = views;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String orderId = request.pathParameter("orderId");
        PackageService.Shipped shipped = packages.ship(request.seller().subject(), orderId,
                PackageBodies.newPackage(request.jsonBody(), carriers), request.header("Idempotency-Key").orElse(null),
                IfMatch.version(request));
        return packageResponse(views, shipped, shipped.replayed() ? 200 : 201);
    }

    /** The package's view (with the order's status and version) and its location; the order's ETag. */
    static APIGatewayV2HTTPResponse packageResponse(OrderViews views, PackageService.Shipped shipped, int status) {
        OrderViews.OrderView order = views.of(shipped.order(), List.of(shipped.pkg()));
        OrderViews.PackageView view = order.packages().stream()
                .filter(p -> shipped.pkg().packageId().equals(p.packageId())).findFirst().orElseThrow();
        // The package itself, with the order's id and new status (the ETag is the order's version).
        ObjectNode body = (ObjectNode) Json.tree(view);
        body.put("orderId", shipped.order().orderId());
        body.put("orderStatus", shipped.order().status().name());
        return ApiResponses.json(status, body, Map.of(
                "location", "/orders/" + shipped.order().orderId() + "/packages/" + shipped.pkg().packageId(),
                "etag", ApiResponses.etag(shipped.order().version()),
                "idempotent-replayed", Boolean.toString(shipped.replayed())));
    }
}

package com.ordertracking.trackingpage;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.ProblemException;
import com.ordertracking.shared.wiring.Components;
import java.util.LinkedHashMap;
import java.util.Map;
import com.ordertracking.shared.adapters.logging.FunctionLog;
import java.util.UUID;

/**
 * {@code GET /track/{token}} (no authorizer): the public tracking page, HTML for a browser. A token
 * that is malformed, tampered with, signed with another secret or names no order is the same 404 page;
 * a failure on our side is an HTML page too (never a problem+json a buyer's browser would show raw).
 */
public final class GetTrackingPageHandler extends ApiHandler {
    static final Map<String, String> HEADERS = headers();

    private final TrackingPageService pages;

    public GetTrackingPageHandler() {
        this(Components.fromEnvironment());
    }

    private GetTrackingPageHandler(Components components) {
        this(new TrackingPageService(components.trackingLinks(), components.orderRepository()));
    }

    public GetTrackingPageHandler(TrackingPageService pages) {
        this.pages = pages;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        try {
            return pages.find(token(request))
                    .map(t -> html(200, TrackingPage.render(t.order(), t.timeline())))
                    .orElseGet(() -> html(404, TrackingPage.notFound()));
        } catch (RuntimeException e) {
            // Logged without the path: the token in it is a bearer credential for the page.
            String errorId = UUID.randomUUID().toString();
            FunctionLog.runtime().error("tracking page failed", "errorId", errorId, "error", e.toString(),
                    "at", FunctionLog.origin(e));
            return html(503, TrackingPage.unavailable(errorId));
        }
    }

    /** The token, or null when the path has none (the page's 404, not the API's problem+json). */
    private static String token(ApiRequest request) {
        try {
            return request.pathParameter("token");
        } catch (ProblemException e) {
            return null;
        }
    }

    private static APIGatewayV2HTTPResponse html(int status, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(HEADERS).withBody(body).build();
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "text/html; charset=utf-8");
        // The page is personal and changes with every scan: never cached, by the browser or anything between.
        headers.put("cache-control", "no-store");
        headers.put("x-content-type-options", "nosniff");
        // The token is in the URL: no referrer may carry it to another site.
        headers.put("referrer-policy", "no-referrer");
        headers.put("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'none';"
                + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        headers.put("x-robots-tag", "noindex, nofollow");
        return Map.copyOf(headers);
    }
}

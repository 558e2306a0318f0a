package com.ordertracking.systemtests.driver;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.template.FunctionEvent;
import com.ordertracking.local.cloud.template.FunctionSpec;
import com.ordertracking.local.runtime.api.HttpEventMapper;
import com.ordertracking.local.runtime.api.RawRequest;
import com.ordertracking.local.runtime.api.RouteMatcher;
import com.ordertracking.local.runtime.auth.AuthResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API in-process against the embedded AWS stack: routes as template.yaml declares them, the payload
 * 2.0 event built as the local runtime builds it, and each function's handler constructed once the way
 * Lambda constructs it (template environment applied). Nothing runs in the background: the test decides
 * when a queue is consumed ({@link TrackingPipeline}, {@link QueueDriver}) or a schedule fires ({@link #runSchedule}).
 */
public final class InProcessApi implements Api {
    private final LocalCloud cloud;
    private final RouteMatcher<Target> routes = new RouteMatcher<>();
    private final Map<String, Object> handlers = new ConcurrentHashMap<>();

    /** The function behind a route, and whether API Gateway's JWT authorizer guards it. */
    private record Target(String logicalId, boolean authenticated) {
    }

    public InProcessApi(LocalCloud cloud) {
        this.cloud = cloud;
        for (FunctionSpec function : cloud.model().functions()) {
            for (FunctionEvent.HttpApiEvent route : function.eventsOfType(FunctionEvent.HttpApiEvent.class)) {
                routes.add(route.method(), route.path(), new Target(function.logicalId(), route.authorizer().isPresent()));
            }
        }
    }

    public LocalCloud cloud() {
        return cloud;
    }

    @Override
    public ApiResponse send(Caller caller, String method, String path, String body, Map<String, String> headers) {
        URI uri = URI.create(path);
        var match = routes.match(method, uri.getRawPath()).orElse(null);
        if (match == null) {
            return new ApiResponse(404, Map.of("content-type", "application/json"), "{\"message\":\"Not Found\"}");
        }
        if (match.target().authenticated() && caller == null) {
            return new ApiResponse(401, Map.of("content-type", "application/json"), "{\"message\":\"Unauthorized\"}");
        }
        Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
        if (body != null) {
            requestHeaders.put("content-type", List.of("application/json"));
        }
        headers.forEach((name, value) -> requestHeaders.put(name.toLowerCase(Locale.ROOT), List.of(value)));
        RawRequest request = new RawRequest(method, uri.getRawPath(), uri.getRawQuery(), requestHeaders,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", "HTTP/1.1");
        AuthResult.Authorized auth = caller == null ? null : new AuthResult.Authorized(Map.of("sub", caller.id(),
                "role", caller.role(), "iss", "https://auth.ordertracking.local", "aud", "order-tracking-api"), List.of());
        APIGatewayV2HTTPEvent event = HttpEventMapper.toEvent(request, method + " " + match.template(),
                match.pathParameters(), auth, UUID.randomUUID().toString(), Instant.now());
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = function(match.target().logicalId());
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        Map<String, String> responseHeaders = new TreeMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> responseHeaders.put(name.toLowerCase(Locale.ROOT), value));
        }
        return new ApiResponse(response.getStatusCode(), responseHeaders, response.getBody());
    }

    /**
     * The handler of {@code logicalId} (any trigger), built once with the template's class name and environment,
     * e.g. {@code RequestHandler<SQSEvent, SQSBatchResponse>} for a queue consumer.
     */
    @SuppressWarnings("unchecked")
    public <I, O> RequestHandler<I, O> function(String logicalId) {
        return (RequestHandler<I, O>) handlers.computeIfAbsent(logicalId, id -> cloud.instantiate(id, () -> construct(id)));
    }

    /** Runs a scheduled function once with a sample scheduled event, as its schedule would. */
    public <O> O runSchedule(String logicalId, String sampleEvent) {
        return this.<ScheduledEvent, O>function(logicalId).handleRequest(EventLoader.loadScheduledEvent(sampleEvent), null);
    }

    private Object construct(String logicalId) {
        String handler = cloud.model().function(logicalId).orElseThrow().handler();
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        try {
            return Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot construct " + className + " for " + logicalId, e);
        }
    }
}

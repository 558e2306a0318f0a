package com.ordertracking.systemtests.driver;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.ordertracking.shared.adapters.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The request a sample event of events/ describes (route, path parameters, query, headers, body), adapted to
 * one test's order and body, then sent through an {@link Api} as a caller.
 */
public final class SampleRequest {
    private final String method;
    private final String route;
    private final Map<String, String> pathParameters;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private String body;

    private SampleRequest(APIGatewayV2HTTPEvent event) {
        String[] routeKey = event.getRouteKey().split(" ", 2);
        this.method = routeKey[0];
        this.route = routeKey[1];
        this.pathParameters = event.getPathParameters() == null ? new HashMap<>() : new HashMap<>(event.getPathParameters());
        this.query = event.getQueryStringParameters() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(event.getQueryStringParameters());
        this.headers = new HashMap<>(event.getHeaders());
        this.headers.remove("host");
        this.headers.remove("authorization");
        this.body = event.getBody();
    }

    /** The request of sample {@code path}, e.g. {@code events/buyers/get-my-order.json}. */
    public static SampleRequest of(String path) {
        return new SampleRequest(TestData.sampleEvent(path));
    }

    public SampleRequest path(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    public SampleRequest order(String orderId) {
        return path("orderId", orderId);
    }

    /** Replaces the sample's query parameters. */
    public SampleRequest query(Map<String, String> parameters) {
        query.clear();
        query.putAll(parameters);
        return this;
    }

    public SampleRequest body(Object value) {
        body = value instanceof String text ? text : Json.write(value);
        return this;
    }

    public ApiResponse send(Api api, Caller caller) {
        String path = route;
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        if (!query.isEmpty()) {
            path += "?" + query.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
        return api.send(caller, method, path, body, headers);
    }
}

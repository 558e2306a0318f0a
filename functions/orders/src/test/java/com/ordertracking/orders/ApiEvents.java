package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.json.Json;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loads the sample events of events/ and adapts them to one test's caller, order and body. */
final class ApiEvents {
    private final APIGatewayV2HTTPEvent event;

    private ApiEvents(APIGatewayV2HTTPEvent event) {
        this.event = event;
        event.setHeaders(new HashMap<>(event.getHeaders()));
        event.setQueryStringParameters(event.getQueryStringParameters() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(event.getQueryStringParameters()));
        event.setPathParameters(event.getPathParameters() == null ? new HashMap<>()
                : new HashMap<>(event.getPathParameters()));
    }

    static ApiEvents from(String fixture) {
        return new ApiEvents(load(fixture));
    }

    /** A sample event of events/ (on the test classpath) as is. */
    static APIGatewayV2HTTPEvent load(String fixture) {
        return EventLoader.loadApiGatewayHttpEvent(fixture);
    }

    public ApiEvents as(String role, String sub) {
        Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("sub", sub);
        claims.put("role", role);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        return this;
    }

    public ApiEvents seller(String sellerId) {
        return as("seller", sellerId);
    }

    public ApiEvents buyer(String buyerId) {
        return as("buyer", buyerId);
    }

    /** Replaces a path parameter and the same segment of the raw path. */
    public ApiEvents path(String name, String value) {
        String old = event.getPathParameters().put(name, value);
        if (old != null) {
            event.setRawPath(event.getRawPath().replace(old, value));
        }
        return this;
    }

    public ApiEvents order(String orderId) {
        return path("orderId", orderId);
    }

    public ApiEvents query(Map<String, String> parameters) {
        event.setQueryStringParameters(new LinkedHashMap<>(parameters));
        return this;
    }

    public ApiEvents header(String name, String value) {
        if (value == null) {
            event.getHeaders().remove(name);
        } else {
            event.getHeaders().put(name, value);
        }
        return this;
    }

    public ApiEvents body(Object body) {
        event.setBody(body instanceof String text ? text : Json.write(body));
        return this;
    }

    public ApiEvents editBody(java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit) {
        com.fasterxml.jackson.databind.node.ObjectNode body =
                (com.fasterxml.jackson.databind.node.ObjectNode) Json.read(event.getBody(), JsonNode.class);
        edit.accept(body);
        event.setBody(Json.write(body));
        return this;
    }

    public APIGatewayV2HTTPEvent event() {
        return event;
    }

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.read(response.getBody(), JsonNode.class);
    }
}

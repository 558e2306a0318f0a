package com.ordertracking.local.runtime.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One HttpApi route. {@code method} is an HTTP method or {@code ANY}; {@code pathTemplate} is like
 * {@code /orders/{orderId}}, {@code /files/{proxy+}} or {@code $default} (then method is ignored).
 *
 * @param authorizationScopes scopes the JWT must contain at least one of (API Gateway semantics); empty = none
 */
public record Route(String method, String pathTemplate, String functionName, boolean authenticated,
                    List<String> authorizationScopes) {

    public static final String DEFAULT = "$default";

    public Route {
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        Objects.requireNonNull(functionName, "functionName");
        method = method == null ? "ANY" : method.toUpperCase(Locale.ROOT);
        authorizationScopes = authorizationScopes == null ? List.of() : List.copyOf(authorizationScopes);
    }

    public Route(String method, String pathTemplate, String functionName, boolean authenticated) {
        this(method, pathTemplate, functionName, authenticated, List.of());
    }

    /** {@code "POST /orders"}, {@code "ANY /{proxy+}"} or {@code "$default"}, as in the event's routeKey. */
    public String routeKey() {
        return pathTemplate.equals(DEFAULT) ? DEFAULT : method + " " + pathTemplate;
    }
}

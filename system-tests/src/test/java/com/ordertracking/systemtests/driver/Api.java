package com.ordertracking.systemtests.driver;

import java.util.Map;

/**
 * The public HTTP API as the system tests drive it: over the wire against the local runtime
 * ({@link HttpApi}) or in-process through the same routes and handlers ({@link InProcessApi}).
 * A null caller sends no credentials (webhooks, the tracking page).
 */
public sealed interface Api permits HttpApi, InProcessApi {
    ApiResponse send(Caller caller, String method, String path, String body, Map<String, String> headers);

    default ApiResponse get(Caller caller, String path) {
        return send(caller, "GET", path, null, Map.of());
    }

    default ApiResponse post(Caller caller, String path, String body) {
        return send(caller, "POST", path, body, Map.of());
    }

    default ApiResponse put(Caller caller, String path, String body) {
        return send(caller, "PUT", path, body, Map.of());
    }
}

package com.ordertracking.systemtests.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API over the wire against a running local runtime, like a real client: tokens from the local
 * authorizer, plain HTTP requests, and the developer outbox for what SNS delivered.
 */
public final class HttpApi implements Api {
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Caller, String> tokens = new ConcurrentHashMap<>();

    public HttpApi(URI base) {
        this.base = base;
    }

    /** A token minted by the local authorizer for {@code role} and subject {@code sub}. */
    public String token(String role, String sub) {
        return send("POST", "/_local/tokens", null, Json.write(Map.of("role", role, "sub", sub)), Map.of())
                .json().get("token").asText();
    }

    @Override
    public ApiResponse send(Caller caller, String method, String path, String body, Map<String, String> headers) {
        String token = caller == null ? null : tokens.computeIfAbsent(caller, c -> token(c.role(), c.id()));
        return send(method, path, token, body, headers);
    }

    /** A request with a raw bearer token (or none when null), e.g. a forged one. */
    public ApiResponse send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        headers.forEach(request::setHeader);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> first = new TreeMap<>();
            response.headers().map().forEach((name, values) -> first.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
            return new ApiResponse(response.statusCode(), first, response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What the SNS endpoint delivered to {@code endpoint} (a phone number or an email address) so far. */
    public List<JsonNode> outbox(String endpoint) {
        JsonNode all = send("GET", "/_local/outbox?endpoint=" + URLEncoder.encode(endpoint, StandardCharsets.UTF_8),
                null, null, Map.of()).json().get("messages");
        List<JsonNode> messages = new ArrayList<>();
        all.forEach(messages::add);
        return messages;
    }

    /** Outbox messages to {@code endpoint} whose text contains {@code text}. */
    public List<JsonNode> outbox(String endpoint, String text) {
        return outbox(endpoint).stream().filter(m -> m.path("message").asText().contains(text)).toList();
    }

    /** Runs a function the way its schedule would, through the runtime's developer endpoint. */
    public ApiResponse invokeScheduled(String logicalId) {
        return send("POST", "/_local/invoke/" + logicalId, null, null, Map.of());
    }
}

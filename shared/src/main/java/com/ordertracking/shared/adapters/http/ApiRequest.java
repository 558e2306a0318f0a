package com.ordertracking.shared.adapters.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Convenient, null-safe access to an API Gateway HTTP API (payload v2.0) request. */
public record ApiRequest(APIGatewayV2HTTPEvent event) {
    /** Request bodies are one JSON value: {@code {...} garbage} is malformed, not silently truncated. */
    private static final com.fasterxml.jackson.databind.ObjectReader STRICT_READER = Json.MAPPER.reader()
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public String path() {
        return event.getRawPath();
    }

    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        // API Gateway lower-cases header names in v2.0 payloads; be lenient for hand-made events.
        String value = headers.get(name.toLowerCase(Locale.ROOT));
        if (value == null) {
            value = headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    public String pathParameter(String name) {
        Map<String, String> params = event.getPathParameters();
        String value = params == null ? null : params.get(name);
        if (value == null || value.isBlank()) {
            throw new ProblemException(Problem.badRequest("missing-path-parameter", "Path parameter " + name + " is missing"));
        }
        return value;
    }

    public Optional<String> query(String name) {
        Map<String, String> params = event.getQueryStringParameters();
        return Optional.ofNullable(params == null ? null : params.get(name));
    }

    /** The raw body bytes, decoded from base64 when API Gateway encoded them. */
    public byte[] rawBody() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (!event.getIsBase64Encoded()) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.badRequest("malformed-body", "The request body is not valid base64"));
        }
    }

    /** The body as a JSON tree; malformed or missing JSON is a 400 problem. */
    public JsonNode jsonBody() {
        byte[] raw = rawBody();
        if (raw.length == 0) {
            throw new ProblemException(Problem.badRequest("malformed-json", "The request body is empty; a JSON object is expected"));
        }
        try {
            JsonNode node = STRICT_READER.readTree(raw);
            if (node == null || node.isMissingNode()) {
                throw new ProblemException(Problem.badRequest("malformed-json", "The request body is empty; a JSON object is expected"));
            }
            return node;
        } catch (JsonProcessingException e) {
            // Limit violations (huge numbers, deep nesting) carry no location.
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ProblemException(Problem.badRequest("malformed-json", "The request body is not valid JSON" + where));
        } catch (java.io.IOException e) {
            throw new ProblemException(Problem.badRequest("malformed-json", "The request body could not be read"));
        }
    }

    /** The authenticated caller; a token without a usable {@code sub}/{@code role} is a 403. */
    public Caller caller() {
        Map<String, String> claims = claims();
        String sub = claims.get("sub");
        String role = claims.get("role");
        if (sub == null || sub.isBlank() || role == null) {
            throw new ProblemException(Problem.forbidden("The token has no sub or role claim"));
        }
        return switch (role.toLowerCase(Locale.ROOT)) {
            case "seller" -> new Caller(sub, Caller.Role.SELLER);
            case "buyer" -> new Caller(sub, Caller.Role.BUYER);
            default -> throw new ProblemException(Problem.forbidden("Unknown role " + role));
        };
    }

    /** The caller, who must be a seller. */
    public Caller seller() {
        Caller caller = caller();
        if (!caller.isSeller()) {
            throw new ProblemException(Problem.forbidden("This route is for sellers"));
        }
        return caller;
    }

    /** The caller, who must be a buyer. */
    public Caller buyer() {
        Caller caller = caller();
        if (!caller.isBuyer()) {
            throw new ProblemException(Problem.forbidden("This route is for buyers"));
        }
        return caller;
    }

    private Map<String, String> claims() {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return context.getAuthorizer().getJwt().getClaims();
    }
}

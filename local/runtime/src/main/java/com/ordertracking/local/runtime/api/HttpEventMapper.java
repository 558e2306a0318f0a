package com.ordertracking.local.runtime.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ordertracking.local.runtime.auth.AuthResult;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds API Gateway HTTP API payload 2.0 events and turns handler output back into HTTP responses. */
public final class HttpEventMapper {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private HttpEventMapper() {
    }

    public static APIGatewayV2HTTPEvent toEvent(RawRequest request, String routeKey, Map<String, String> pathParameters,
                                                AuthResult.Authorized auth, String requestId, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                // Payload 2.0 moves cookies out of the headers into their own array.
                values.forEach(v -> splitCookies(v, cookies));
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        String host = headers.getOrDefault("host", "localhost");
        String domainName = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;

        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(request.method())
                .withPath(request.rawPath()).withProtocol(request.protocol()).withSourceIp(request.sourceIp())
                .withUserAgent(headers.get("user-agent")).build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder().withRouteKey(routeKey)
                .withAccountId("000000000000").withApiId("local").withStage("$default")
                .withDomainName(domainName).withDomainPrefix(domainName.split("\\.")[0])
                .withRequestId(requestId).withTime(TIME.format(now)).withTimeEpoch(now.toEpochMilli())
                .withHttp(http).build();
        if (auth != null) {
            var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                    .withClaims(auth.claims()).withScopes(auth.scopes()).build();
            context.setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build());
        }

        var event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey)
                .withRawPath(request.rawPath()).withRawQueryString(request.rawQuery()).withHeaders(headers)
                .withRequestContext(context).build();
        if (!cookies.isEmpty()) {
            event.setCookies(cookies);
        }
        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) {
            event.setQueryStringParameters(query);
        }
        if (pathParameters != null && !pathParameters.isEmpty()) {
            event.setPathParameters(pathParameters);
        }
        if (request.body().length > 0) {
            boolean text = isTextual(headers.get("content-type"));
            event.setBody(text ? request.bodyAsString() : Base64.getEncoder().encodeToString(request.body()));
            event.setIsBase64Encoded(!text);
        }
        return event;
    }

    /** Repeated keys are joined with commas, as API Gateway does for payload 2.0. */
    public static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.merge(key, value, (a, b) -> a + "," + b);
        }
        return params;
    }

    /**
     * Bodies API Gateway passes as plain text; everything else (including a missing content type) arrives
     * base64-encoded with isBase64Encoded=true.
     */
    public static boolean isTextual(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/javascript")
                || type.equals("application/x-www-form-urlencoded") || type.equals("application/graphql");
    }

    /**
     * Handler output to HTTP, following payload 2.0 response rules: a structured response is used as is (cookies
     * become set-cookie headers, base64 bodies are decoded); anything else is a 200 with the output as JSON body.
     */
    public static LocalResponse toResponse(Object output, String requestId) {
        APIGatewayV2HTTPResponse response = switch (output) {
            case APIGatewayV2HTTPResponse r -> r;
            case Map<?, ?> m when m.containsKey("statusCode") -> fromMap(m);
            case null -> APIGatewayV2HTTPResponse.builder().withStatusCode(200).build();
            case String s -> jsonResponse(s);
            default -> jsonResponse(toJson(output));
        };
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((k, v) ->
                    headers.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
        }
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((k, v) ->
                    headers.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).add(v));
        }
        if (response.getCookies() != null && !response.getCookies().isEmpty()) {
            headers.computeIfAbsent("set-cookie", x -> new ArrayList<>()).addAll(response.getCookies());
        }
        headers.put("apigw-requestid", List.of(requestId));
        String body = response.getBody();
        byte[] bytes = body == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        return new LocalResponse(response.getStatusCode(), headers, bytes);
    }

    private static APIGatewayV2HTTPResponse jsonResponse(String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("content-type", "application/json")).withBody(body).build();
    }

    @SuppressWarnings("unchecked")
    private static APIGatewayV2HTTPResponse fromMap(Map<?, ?> m) {
        var r = new APIGatewayV2HTTPResponse();
        r.setStatusCode(((Number) m.get("statusCode")).intValue());
        r.setHeaders((Map<String, String>) m.get("headers"));
        r.setMultiValueHeaders((Map<String, List<String>>) m.get("multiValueHeaders"));
        r.setCookies((List<String>) m.get("cookies"));
        r.setBody(m.get("body") == null ? null : String.valueOf(m.get("body")));
        r.setIsBase64Encoded(Boolean.TRUE.equals(m.get("isBase64Encoded")));
        return r;
    }

    private static String toJson(Object output) {
        try {
            return JSON.writeValueAsString(output);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void splitCookies(String header, List<String> cookies) {
        for (String c : header.split(";")) {
            if (!c.isBlank()) {
                cookies.add(c.trim());
            }
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}

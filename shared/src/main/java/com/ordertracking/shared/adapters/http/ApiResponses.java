package com.ordertracking.shared.adapters.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds API Gateway responses: JSON bodies and RFC 9457 problems. */
public final class ApiResponses {
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    private ApiResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return json(status, body, Map.of());
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("content-type", JSON);
        all.putAll(headers);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(all)
                .withBody(Json.write(body))
                .build();
    }

    public static APIGatewayV2HTTPResponse empty(int status, Map<String, String> headers) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).build();
    }

    public static APIGatewayV2HTTPResponse problem(Problem problem) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(problem.status())
                .withHeaders(Map.of("content-type", PROBLEM_JSON))
                .withBody(Json.write(problem))
                .build();
    }

    /** A strong ETag for a stored version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}

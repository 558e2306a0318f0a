package com.ordertracking.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.sns.OutboxMessage;
import com.ordertracking.local.runtime.api.HttpApiGateway;
import com.ordertracking.local.runtime.api.LocalResponse;
import com.ordertracking.local.runtime.api.RawRequest;
import com.ordertracking.shared.adapters.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code /_local/*} endpoints that only exist locally: health (with the embedded endpoints so the
 * AWS CLI can reach them), token minting for the emulated JWT authorizer, the SMS/email outbox, and
 * running a function (e.g. a scheduled one) on demand.
 */
final class DeveloperEndpoints {
    private static final Set<String> ROLES = Set.of("seller", "buyer");
    private static final Duration TOKEN_TTL = Duration.ofHours(12);

    private DeveloperEndpoints() {
    }

    static void register(HttpApiGateway gateway, LocalRuntime runtime) {
        gateway.registerLocal("GET", "/_local/health", (request, params) -> health(runtime));
        gateway.registerLocal("POST", "/_local/tokens", (request, params) -> token(runtime, request));
        gateway.registerLocal("GET", "/_local/outbox", (request, params) -> outbox(runtime, request));
        gateway.registerLocal("DELETE", "/_local/outbox", (request, params) -> {
            runtime.cloud().outbox().clear();
            return new LocalResponse(204, Map.of(), new byte[0]);
        });
        gateway.registerLocal("POST", "/_local/invoke/{functionId}", (request, params) ->
                invoke(runtime, params.get("functionId"), request));
    }

    private static LocalResponse health(LocalRuntime runtime) {
        LocalCloud.Endpoints endpoints = runtime.cloud().endpoints();
        ObjectNode body = Json.MAPPER.createObjectNode();
        boolean ready = runtime.isReady();
        body.put("status", ready ? "ok" : "starting");
        body.put("baseUrl", runtime.baseUri().toString());
        ObjectNode services = body.putObject("services");
        service(services, "dynamodb", endpoints.dynamoDb(), endpoints.dynamoDbEmbedded());
        service(services, "sqs", endpoints.sqs(), endpoints.sqsEmbedded());
        service(services, "sns", endpoints.sns(), endpoints.snsEmbedded());
        body.set("functions", Json.tree(runtime.functions().keySet()));
        return LocalResponse.json(ready ? 200 : 503, Json.write(body));
    }

    /** Where a service is and whether it runs in this JVM ("embedded") or elsewhere ("external"). */
    private static void service(ObjectNode services, String name, java.net.URI endpoint, boolean embedded) {
        ObjectNode service = services.putObject(name);
        service.put("endpoint", String.valueOf(endpoint));
        service.put("mode", embedded ? "embedded" : "external");
    }

    private static LocalResponse token(LocalRuntime runtime, RawRequest request) {
        JsonNode body;
        try {
            body = Json.parse(request.bodyAsString().isBlank() ? "{}" : request.bodyAsString());
        } catch (Exception e) {
            return problem(400, "The body must be JSON like {\"role\":\"seller\",\"sub\":\"seller-1\"}");
        }
        String role = body.path("role").asText("");
        String sub = body.path("sub").asText("");
        if (!ROLES.contains(role)) {
            return problem(400, "role must be seller or buyer");
        }
        if (sub.isBlank()) {
            return problem(400, "sub (the seller or buyer id) is required");
        }
        String token = runtime.authorizer().mint(role, sub, TOKEN_TTL);
        return LocalResponse.json(200, Json.write(Map.of("token", token, "role", role, "sub", sub,
                "expiresInSeconds", TOKEN_TTL.toSeconds())));
    }

    private static LocalResponse outbox(LocalRuntime runtime, RawRequest request) {
        String endpoint = queryParameter(request, "endpoint");
        List<OutboxMessage> messages = runtime.cloud().outbox().messages().stream()
                .filter(m -> endpoint == null || endpoint.equals(m.endpoint()))
                .toList();
        if (!runtime.cloud().endpoints().snsEmbedded()) {
            return LocalResponse.json(200, Json.write(Map.of("messages", messages, "note",
                    "SNS is external (" + runtime.cloud().endpoints().sns() + "): SMS and email go there, not here")));
        }
        return LocalResponse.json(200, Json.write(Map.of("messages", messages)));
    }

    private static LocalResponse invoke(LocalRuntime runtime, String functionId, RawRequest request) {
        if (!runtime.functions().containsKey(functionId)) {
            return problem(404, "No function " + functionId + " in template.yaml; known: " + runtime.functions().keySet());
        }
        Object input = null;
        if (request.body().length > 0) {
            try {
                input = Json.parse(request.bodyAsString());
            } catch (Exception e) {
                return problem(400, "The body must be the function's input as JSON");
            }
        }
        Object output = runtime.invoke(functionId, input);
        return LocalResponse.json(200, Json.write(Map.of("function", functionId,
                "output", output == null ? Map.of() : output)));
    }

    private static String queryParameter(RawRequest request, String name) {
        for (String pair : request.rawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static LocalResponse problem(int status, String detail) {
        return new LocalResponse(status, Map.of("content-type", List.of("application/problem+json")),
                Json.write(Map.of("title", status == 404 ? "Not found" : "Bad request", "status", status,
                        "detail", detail)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}

package com.ordertracking.local.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ordertracking.local.runtime.auth.LocalJwtAuthorizer;
import com.ordertracking.local.runtime.invoke.FunctionConfig;
import com.ordertracking.local.runtime.invoke.FunctionInstance;
import com.ordertracking.local.runtime.invoke.HandlerInvoker;
import com.ordertracking.local.runtime.testfn.EchoHttpHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpApiGatewayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final CountDownLatch BLOCKER = new CountDownLatch(1);
    private static LocalJwtAuthorizer authorizer;
    private static HttpApiGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        authorizer = new LocalJwtAuthorizer(LocalJwtAuthorizer.Config.defaults());
        var echo = new FunctionInstance(new FunctionConfig("EchoFunction", EchoHttpHandler.class.getName(),
                Map.of("GREETING", "hello")));
        HandlerInvoker blocking = (event, trigger) -> {
            try {
                return BLOCKER.await(10, TimeUnit.SECONDS) ? Map.of("released", true) : Map.of("released", false);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        Map<String, HandlerInvoker> functions = Map.of("EchoFunction", echo, "Blocking", blocking);
        gateway = new HttpApiGateway(HttpApiGateway.Config.ephemeral(), List.of(
                new Route("GET", "/public/{proxy+}", "EchoFunction", false),
                new Route("POST", "/orders", "EchoFunction", true),
                new Route("GET", "/orders/{orderId}", "EchoFunction", true),
                new Route("GET", "/admin", "EchoFunction", true, List.of("admin")),
                new Route("GET", "/slow", "Blocking", false),
                new Route("GET", "/release", "Blocking", false)),
                functions::get, authorizer)
                .registerLocal("GET", "/_local/tokens/{role}", (request, params) ->
                        LocalResponse.json(200, "{\"token\":\"" + authorizer.mint(params.get("role"), "dev",
                                Duration.ofHours(1)) + "\"}"))
                .start();
    }

    @AfterAll
    static void stop() {
        BLOCKER.countDown();
        gateway.close();
    }

    private static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(gateway.baseUri() + pathAndQuery)).timeout(Duration.ofSeconds(10));
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void authenticated_route_rejects_missing_and_bad_tokens() throws Exception {
        var missing = send(request("/orders/o-1").GET().build());
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(missing.headers().firstValue("www-authenticate")).hasValue("Bearer");

        var expired = send(request("/orders/o-1")
                .header("Authorization", "Bearer " + authorizer.mint("seller", "u1", Duration.ofSeconds(-5)))
                .GET().build());
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("www-authenticate").orElseThrow()).contains("invalid_token");
    }

    @Test
    void claims_path_parameters_and_handler_environment_are_passed() throws Exception {
        String token = authorizer.mint("seller", "user-42", Duration.ofMinutes(5));
        var response = send(request("/orders/o-1?x=1&x=2").header("Authorization", "Bearer " + token)
                .header("Cookie", "c1=v1").GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-greeting")).hasValue("hello");
        assertThat(response.headers().allValues("x-multi")).containsExactly("a", "b");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("session=abc; Path=/");
        JsonNode event = JSON.readTree(response.body());
        assertThat(event.at("/routeKey").asText()).isEqualTo("GET /orders/{orderId}");
        assertThat(event.at("/pathParameters/orderId").asText()).isEqualTo("o-1");
        assertThat(event.at("/queryStringParameters/x").asText()).isEqualTo("1,2");
        assertThat(event.at("/cookies/0").asText()).isEqualTo("c1=v1");
        assertThat(event.at("/requestContext/authorizer/jwt/claims/sub").asText()).isEqualTo("user-42");
        assertThat(event.at("/requestContext/authorizer/jwt/claims/role").asText()).isEqualTo("seller");
        assertThat(event.at("/requestContext/http/sourceIp").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void scopes_are_enforced_with_403() throws Exception {
        String token = authorizer.mint("seller", "u", Duration.ofMinutes(5));
        assertThat(send(request("/admin").header("Authorization", token).GET().build()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void unknown_route_is_404_and_handler_error_is_500() throws Exception {
        var notFound = send(request("/nope").GET().build());
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(send(request("/orders").GET().build()).statusCode()).isEqualTo(404); // only POST exists

        var boom = send(request("/public/boom").GET().build());
        assertThat(boom.statusCode()).isEqualTo(500);
        assertThat(boom.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void binary_request_bodies_arrive_base_64_and_binary_responses_are_decoded() throws Exception {
        String token = authorizer.mint("seller", "u", Duration.ofMinutes(5));
        byte[] payload = {0, 1, 2, (byte) 0xff};
        var response = send(request("/orders").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build());
        JsonNode event = JSON.readTree(response.body());
        assertThat(event.at("/isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.at("/body").asText())).containsExactly(payload);

        var text = send(request("/orders").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"A\"}")).build());
        assertThat(JSON.readTree(text.body()).at("/body").asText()).isEqualTo("{\"sku\":\"A\"}");

        var binary = CLIENT.send(request("/public/binary").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(binary.body()).containsExactly(payload);
    }

    @Test
    void oversized_body_is_413() throws Exception {
        var response = send(request("/public/x").method("GET",
                HttpRequest.BodyPublishers.ofByteArray(new byte[(int) HttpApiGateway.Config.API_GATEWAY_MAX_BODY + 1]))
                .build());
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void local_endpoints_and_concurrent_requests() throws Exception {
        var token = send(request("/_local/tokens/seller").GET().build());
        assertThat(token.statusCode()).isEqualTo(200);
        String jwt = JSON.readTree(token.body()).get("token").asText();
        assertThat(send(request("/orders/o-9").header("Authorization", "Bearer " + jwt).GET().build()).statusCode())
                .isEqualTo(200);
        assertThat(send(request("/_local/unknown").GET().build()).statusCode()).isEqualTo(404);

        // A request blocked inside a handler must not stop another request from being served.
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var slow = pool.submit(() -> send(request("/slow").GET().build()));
            var fast = send(request("/public/fast").GET().build());
            assertThat(fast.statusCode()).isEqualTo(200);
            assertThat(slow.isDone()).isFalse();
            BLOCKER.countDown();
            assertThat(slow.get(10, TimeUnit.SECONDS).body()).isEqualTo("{\"released\":true}");
        }
    }
}

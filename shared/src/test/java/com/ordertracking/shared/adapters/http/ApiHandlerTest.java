package com.ordertracking.shared.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.logging.RecordingContext;
import com.ordertracking.shared.adapters.http.order.OrderBodies;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.FieldError;
import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.application.order.NewOrder;
import com.ordertracking.shared.domain.IllegalTransitionException;
import com.ordertracking.shared.domain.OrderStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The error mapping every HTTP handler inherits, exercised through a tiny test handler. */
class ApiHandlerTest {

    /** A handler whose behaviour is the given function. */
    static final class TestHandler extends ApiHandler {
        private final Function<ApiRequest, APIGatewayV2HTTPResponse> behaviour;

        TestHandler(Function<ApiRequest, APIGatewayV2HTTPResponse> behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
            return behaviour.apply(request);
        }
    }

    private static APIGatewayV2HTTPEvent event(String path, String body) {
        return APIGatewayV2HTTPEvent.builder()
                .withRawPath(path)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .build();
    }

    private static APIGatewayV2HTTPResponse call(Function<ApiRequest, APIGatewayV2HTTPResponse> behaviour,
            APIGatewayV2HTTPEvent event) {
        return new TestHandler(behaviour).handleRequest(event, null);
    }

    private static JsonNode bodyOf(APIGatewayV2HTTPResponse response) {
        try {
            return Json.parse(response.getBody());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertProblemJson(APIGatewayV2HTTPResponse response, int status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(bodyOf(response).get("status").asInt()).isEqualTo(status);
    }

    @Test
    void successful_responses_pass_through_unchanged() {
        APIGatewayV2HTTPResponse ok = ApiResponses.json(200, Map.of("ok", true));
        assertThat(call(request -> ok, event("/orders", null))).isSameAs(ok);
    }

    @Test
    void problem_exception_becomes_problem_json_with_its_status_and_the_request_path_as_instance() {
        // GIVEN a handler that rejects the request with a 404 problem
        APIGatewayV2HTTPResponse response = call(request -> {
            throw new ProblemException(Problem.notFound("Order ord_1 was not found"));
        }, event("/orders/ord_1", null));
        // THEN the response is that problem, located at the request path
        assertProblemJson(response, 404);
        JsonNode body = bodyOf(response);
        assertThat(body.get("type").asText()).isEqualTo("/problems/not-found");
        assertThat(body.get("title").asText()).isEqualTo("Not found");
        assertThat(body.get("detail").asText()).isEqualTo("Order ord_1 was not found");
        assertThat(body.get("instance").asText()).isEqualTo("/orders/ord_1");
        assertThat(body.has("errors")).as("no errors member outside validation problems").isFalse();
    }

    @Test
    void validation_exception_becomes_a_400_listing_every_field_error() {
        APIGatewayV2HTTPResponse response = call(request -> {
            throw new ValidationException(List.of(
                    new FieldError("items[1].quantity", "must be between 1 and 10000"),
                    new FieldError("buyer.phone", "must be an E.164 phone number, e.g. +14155550123")));
        }, event("/orders", "{}"));
        assertProblemJson(response, 400);
        JsonNode body = bodyOf(response);
        assertThat(body.get("type").asText()).isEqualTo("/problems/validation");
        assertThat(body.get("instance").asText()).isEqualTo("/orders");
        assertThat(body.get("detail").asText()).isEqualTo("2 fields are invalid; see errors");
        assertThat(body.get("errors")).hasSize(2);
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("items[1].quantity");
        assertThat(body.get("errors").get(0).get("message").asText()).isEqualTo("must be between 1 and 10000");
        assertThat(body.get("errors").get(1).get("field").asText()).isEqualTo("buyer.phone");
    }

    @Test
    void single_validation_error_is_spelled_out_in_the_detail() {
        APIGatewayV2HTTPResponse response = call(request -> {
            throw ValidationException.of("currency", "is required");
        }, event("/orders", "{}"));
        assertThat(bodyOf(response).get("detail").asText()).isEqualTo("currency is required");
    }

    @Test
    void real_request_validation_flows_through_as_a_400() {
        // GIVEN a body that parses as JSON but is not a valid order
        APIGatewayV2HTTPResponse response = call(request -> {
            OrderBodies.newOrder(request.jsonBody());
            return ApiResponses.json(201, Map.of());
        }, event("/orders", "{\"currency\": \"usd\", \"extra\": 1}"));
        // THEN every mistake is listed
        assertProblemJson(response, 400);
        assertThat(bodyOf(response).get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("extra", "buyer", "currency", "items", "shippingAddress");
    }

    @Test
    void illegal_transition_becomes_a_409() {
        APIGatewayV2HTTPResponse response = call(request -> {
            throw new IllegalTransitionException(OrderStatus.DELIVERED, OrderStatus.CANCELLED);
        }, event("/orders/ord_1/status", null));
        assertProblemJson(response, 409);
        JsonNode body = bodyOf(response);
        assertThat(body.get("type").asText()).isEqualTo("/problems/illegal-transition");
        assertThat(body.get("detail").asText()).isEqualTo("An order in status DELIVERED cannot move to CANCELLED");
        assertThat(body.get("instance").asText()).isEqualTo("/orders/ord_1/status");
    }

    @Test
    void unexpected_exception_becomes_a_500_without_internals_but_with_an_error_id_that_is_logged() {
        // GIVEN a handler that fails unexpectedly with internals in the message
        RecordingContext context = new RecordingContext("order-tracking-CreateOrder");
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        APIGatewayV2HTTPResponse response;
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            response = new TestHandler(request -> {
                throw new IllegalStateException("jdbc password=hunter2 at table orders");
            }).handleRequest(event("/orders", null), context);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        // THEN the client sees a generic 500 problem
        assertProblemJson(response, 500);
        JsonNode body = bodyOf(response);
        assertThat(body.get("type").asText()).isEqualTo("/problems/internal");
        assertThat(body.get("instance").asText()).isEqualTo("/orders");
        assertThat(response.getBody())
                .doesNotContain("hunter2")
                .doesNotContain("IllegalStateException")
                .doesNotContain("ApiHandlerTest")
                .doesNotContain("\tat ")
                .doesNotContain(".java:");
        // AND the error id in the detail is the one written to the log next to the cause
        String detail = body.get("detail").asText();
        String errorId = detail.substring(detail.lastIndexOf(' ') + 1);
        assertThat(errorId).matches("[0-9a-f-]{36}");
        // AND logged as one ERROR line through the Lambda logger, naming the function, never a stack trace
        assertThat(context.lines()).singleElement().asString()
                .startsWith("ERROR unhandled error function=order-tracking-CreateOrder errorId=" + errorId)
                .contains("hunter2", "at=")
                .doesNotContain("\n");
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void a_problem_on_our_side_is_answered_as_such_and_its_cause_logged_without_reaching_the_client() {
        // GIVEN a handler that answers 503 because a dependency kept failing
        RecordingContext context = new RecordingContext("order-tracking-ReceiveAfterShipWebhook");
        APIGatewayV2HTTPResponse response = new TestHandler(request -> {
            throw new ProblemException(Problem.of(503, "queue-unavailable", "Service unavailable", "send it again"),
                    new IllegalStateException("SQS did not accept 3 of 6 tracking events"));
        }).handleRequest(event("/webhooks/aftership", null), context);

        // THEN the client sees the 503 problem only, and the log one WARN line with the cause
        assertProblemJson(response, 503);
        assertThat(response.getBody()).doesNotContain("SQS did not accept");
        assertThat(context.lines()).singleElement().asString()
                .startsWith("WARN request refused function=order-tracking-ReceiveAfterShipWebhook status=503")
                .contains("SQS did not accept 3 of 6 tracking events", "at=");
    }

    @Test
    void malformed_json_body_becomes_a_400_malformed_json_problem() {
        APIGatewayV2HTTPResponse response = call(request -> {
            request.jsonBody();
            return ApiResponses.json(200, Map.of());
        }, event("/orders", "{\"buyer\": "));
        assertProblemJson(response, 400);
        assertThat(bodyOf(response).get("type").asText()).isEqualTo("/problems/malformed-json");
        assertThat(bodyOf(response).get("instance").asText()).isEqualTo("/orders");
    }

    @Test
    void caller_without_claims_becomes_a_403() {
        APIGatewayV2HTTPResponse response = call(request -> {
            request.seller();
            return ApiResponses.json(200, Map.of());
        }, event("/orders", null));
        assertProblemJson(response, 403);
        assertThat(bodyOf(response).get("type").asText()).isEqualTo("/problems/forbidden");
    }
}

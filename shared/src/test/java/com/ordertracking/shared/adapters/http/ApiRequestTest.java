package com.ordertracking.shared.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiRequestTest {

    private static ApiRequest withBody(String body) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withRawPath("/orders").withBody(body).build());
    }

    private static ApiRequest withClaims(Map<String, String> claims) {
        RequestContext context = RequestContext.builder()
                .withAuthorizer(RequestContext.Authorizer.builder()
                        .withJwt(RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                        .build())
                .build();
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withRawPath("/orders").withRequestContext(context).build());
    }

    private static Problem problemOf(Runnable action) {
        ProblemException e = catchThrowableOfType(ProblemException.class, action::run);
        assertThat(e).as("expected a ProblemException").isNotNull();
        return e.problem();
    }

    @Nested
    class JsonBody {
        @Test
        void valid_json_is_parsed_to_a_tree() {
            assertThat(withBody("{\"a\": [1, 2]}").jsonBody().get("a").size()).isEqualTo(2);
        }

        @Test
        void base_64_encoded_body_is_decoded_first() {
            String encoded = Base64.getEncoder().encodeToString("{\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8));
            ApiRequest request = new ApiRequest(APIGatewayV2HTTPEvent.builder()
                    .withBody(encoded).withIsBase64Encoded(true).build());
            assertThat(request.jsonBody().get("name").asText()).isEqualTo("Zoë");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{", "{\"a\": }", "not json", "{\"a\": 1,}", "[1 2]"})
        void malformed_json_is_a_400_malformed_json_problem_with_a_location(String body) {
            Problem problem = problemOf(() -> withBody(body).jsonBody());
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.type()).isEqualTo("/problems/malformed-json");
            assertThat(problem.detail()).startsWith("The request body is not valid JSON (line 1, column ");
        }

        @Test
        void json_beyond_the_parsers_limits_is_a_400_not_a_500() {
            // GIVEN a number longer than Jackson allows and nesting deeper than it allows
            String hugeNumber = "{\"x\": " + "1".repeat(2000) + "}";
            String deepNesting = "[".repeat(3000) + "]".repeat(3000);

            // THEN both are malformed-json problems (these carry no parser location)
            for (String body : new String[] {hugeNumber, deepNesting}) {
                Problem problem = problemOf(() -> withBody(body).jsonBody());
                assertThat(problem.status()).isEqualTo(400);
                assertThat(problem.type()).isEqualTo("/problems/malformed-json");
            }
        }

        @Test
        void trailing_data_after_the_json_value_is_malformed() {
            Problem problem = problemOf(() -> withBody("{\"a\": 1} garbage").jsonBody());

            assertThat(problem.type()).isEqualTo("/problems/malformed-json");
        }

        @Test
        void invalid_base_64_is_a_400() {
            ApiRequest request = new ApiRequest(APIGatewayV2HTTPEvent.builder().withRawPath("/webhooks/aftership")
                    .withBody("%%%").withIsBase64Encoded(true).build());

            Problem problem = problemOf(request::rawBody);

            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.type()).isEqualTo("/problems/malformed-body");
        }

        @Test
        void missing_or_blank_body_is_a_400_malformed_json_problem() {
            for (String body : new String[] {null, "", "   "}) {
                Problem problem = problemOf(() -> withBody(body).jsonBody());
                assertThat(problem.type()).as("body %s", body).isEqualTo("/problems/malformed-json");
                assertThat(problem.detail()).contains("empty");
            }
        }
    }

    @Nested
    class Callers {
        @Test
        void missing_request_context_or_claims_is_a_403() {
            ApiRequest noContext = new ApiRequest(APIGatewayV2HTTPEvent.builder().withRawPath("/orders").build());
            assertThat(problemOf(noContext::caller).status()).isEqualTo(403);
            ApiRequest noAuthorizer = new ApiRequest(APIGatewayV2HTTPEvent.builder()
                    .withRequestContext(RequestContext.builder().build()).build());
            assertThat(problemOf(noAuthorizer::caller).type()).isEqualTo("/problems/forbidden");
            Map<String, String> none = null;
            assertThat(problemOf(() -> withClaims(none).caller()).status()).isEqualTo(403);
        }

        @Test
        void claims_without_sub_or_role_are_a_403() {
            assertThat(problemOf(() -> withClaims(Map.of("role", "seller")).caller()).status()).isEqualTo(403);
            assertThat(problemOf(() -> withClaims(Map.of("sub", "  ", "role", "seller")).caller()).status())
                    .isEqualTo(403);
            Problem noRole = problemOf(() -> withClaims(Map.of("sub", "u1")).caller());
            assertThat(noRole.status()).isEqualTo(403);
            assertThat(noRole.detail()).isEqualTo("The token has no sub or role claim");
        }

        @Test
        void unknown_role_is_a_403_naming_the_role() {
            Problem problem = problemOf(() -> withClaims(Map.of("sub", "u1", "role", "admin")).caller());
            assertThat(problem.status()).isEqualTo(403);
            assertThat(problem.detail()).isEqualTo("Unknown role admin");
        }

        @Test
        void seller_and_buyer_roles_are_read_case_insensitively() {
            assertThat(withClaims(Map.of("sub", "s1", "role", "Seller")).caller())
                    .isEqualTo(new Caller("s1", Caller.Role.SELLER));
            assertThat(withClaims(Map.of("sub", "b1", "role", "buyer")).caller())
                    .isEqualTo(new Caller("b1", Caller.Role.BUYER));
        }

        @Test
        void seller_and_buyer_routes_reject_the_other_role() {
            ApiRequest buyer = withClaims(Map.of("sub", "b1", "role", "buyer"));
            ApiRequest seller = withClaims(Map.of("sub", "s1", "role", "seller"));
            assertThat(seller.seller().subject()).isEqualTo("s1");
            assertThat(buyer.buyer().subject()).isEqualTo("b1");
            assertThat(problemOf(buyer::seller).detail()).isEqualTo("This route is for sellers");
            assertThat(problemOf(seller::buyer).detail()).isEqualTo("This route is for buyers");
        }
    }

    @Nested
    class HeadersAndParameters {
        @Test
        void headers_are_found_case_insensitively_and_blank_counts_as_absent() {
            Map<String, String> headers = new HashMap<>();
            headers.put("idempotency-key", "k1");
            headers.put("If-Match", "\"3\"");
            headers.put("x-blank", " ");
            ApiRequest request = new ApiRequest(APIGatewayV2HTTPEvent.builder().withHeaders(headers).build());
            assertThat(request.header("Idempotency-Key")).contains("k1");
            assertThat(request.header("if-match")).contains("\"3\"");
            assertThat(request.header("x-blank")).isEmpty();
            assertThat(request.header("absent")).isEmpty();
            assertThat(new ApiRequest(APIGatewayV2HTTPEvent.builder().build()).header("any")).isEmpty();
        }

        @Test
        void missing_path_parameter_is_a_400() {
            ApiRequest request = new ApiRequest(APIGatewayV2HTTPEvent.builder()
                    .withPathParameters(Map.of("orderId", "ord_1")).build());
            assertThat(request.pathParameter("orderId")).isEqualTo("ord_1");
            Problem problem = problemOf(() -> request.pathParameter("sku"));
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.type()).isEqualTo("/problems/missing-path-parameter");
        }

        @Test
        void query_parameters_are_optional() {
            ApiRequest request = new ApiRequest(APIGatewayV2HTTPEvent.builder()
                    .withQueryStringParameters(Map.of("limit", "10")).build());
            assertThat(request.query("limit")).contains("10");
            assertThat(request.query("cursor")).isEmpty();
            assertThat(new ApiRequest(APIGatewayV2HTTPEvent.builder().build()).query("limit")).isEmpty();
        }
    }
}

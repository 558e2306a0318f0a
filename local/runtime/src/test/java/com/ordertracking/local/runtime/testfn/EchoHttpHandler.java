package com.ordertracking.local.runtime.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ordertracking.shared.wiring.FunctionEnvironment;
import java.util.List;
import java.util.Map;

/** Test function: echoes the whole API Gateway event as JSON; special paths exercise error and binary responses. */
public class EchoHttpHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String greeting = FunctionEnvironment.get("GREETING");

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String path = event.getRawPath();
        if (path.endsWith("/boom")) {
            throw new IllegalStateException("boom");
        }
        if (path.endsWith("/binary")) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("content-type", "application/octet-stream"))
                    .withBody("AAEC/w==").withIsBase64Encoded(true).build();
        }
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("content-type", "application/json", "x-greeting", String.valueOf(greeting)))
                    .withMultiValueHeaders(Map.of("x-multi", List.of("a", "b")))
                    .withCookies(List.of("session=abc; Path=/"))
                    .withBody(JSON.writeValueAsString(event)).build();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}

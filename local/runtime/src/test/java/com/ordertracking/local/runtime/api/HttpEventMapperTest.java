package com.ordertracking.local.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.local.runtime.auth.AuthResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpEventMapperTest {

    private static final Instant NOW = Instant.parse("2025-03-12T19:03:58.123Z");

    @Test
    void builds_payload_v_2_event() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("localhost:3000"));
        headers.put("Content-Type", List.of("application/json; charset=utf-8"));
        headers.put("X-Multi", List.of("a", "b"));
        headers.put("Cookie", List.of("s=1; t=2"));
        headers.put("User-Agent", List.of("curl/8"));
        var request = new RawRequest("POST", "/orders/o%201", "status=NEW&tag=a&tag=b&q=x%20y", headers,
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "127.0.0.1", "HTTP/1.1");
        var auth = new AuthResult.Authorized(Map.of("sub", "u1", "role", "seller"), null);

        var event = HttpEventMapper.toEvent(request, "POST /orders/{orderId}", Map.of("orderId", "o 1"), auth,
                "req-1", NOW);

        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("POST /orders/{orderId}");
        assertThat(event.getRawPath()).isEqualTo("/orders/o%201");
        assertThat(event.getRawQueryString()).isEqualTo("status=NEW&tag=a&tag=b&q=x%20y");
        assertThat(event.getQueryStringParameters())
                .isEqualTo(Map.of("status", "NEW", "tag", "a,b", "q", "x y"));
        assertThat(event.getHeaders()).containsEntry("x-multi", "a,b").containsEntry("host", "localhost:3000")
                .doesNotContainKey("cookie");
        assertThat(event.getCookies()).containsExactly("s=1", "t=2");
        assertThat(event.getPathParameters()).isEqualTo(Map.of("orderId", "o 1"));
        assertThat(event.getBody()).isEqualTo("{\"a\":1}");
        assertThat(event.getIsBase64Encoded()).isFalse();
        var ctx = event.getRequestContext();
        assertThat(ctx.getStage()).isEqualTo("$default");
        assertThat(ctx.getRequestId()).isEqualTo("req-1");
        assertThat(ctx.getDomainName()).isEqualTo("localhost");
        assertThat(ctx.getTime()).isEqualTo("12/Mar/2025:19:03:58 +0000");
        assertThat(ctx.getTimeEpoch()).isEqualTo(NOW.toEpochMilli());
        assertThat(ctx.getHttp().getMethod()).isEqualTo("POST");
        assertThat(ctx.getHttp().getUserAgent()).isEqualTo("curl/8");
        assertThat(ctx.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(ctx.getAuthorizer().getJwt().getClaims()).containsEntry("role", "seller");
    }

    @Test
    void binary_bodies_are_base_64_encoded_and_no_authorizer_without_auth() {
        var request = new RawRequest("PUT", "/files/x", null,
                Map.of("content-type", List.of("image/png")), new byte[] {0, 1, 2, (byte) 255}, "127.0.0.1",
                "HTTP/1.1");
        var event = HttpEventMapper.toEvent(request, "PUT /files/{proxy+}", Map.of("proxy", "x"), null, "r", NOW);
        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(event.getBody()).isEqualTo("AAEC/w==");
        assertThat(event.getRequestContext().getAuthorizer()).isNull();
        assertThat(event.getQueryStringParameters()).isNull();
        assertThat(HttpEventMapper.isTextual("application/problem+json")).isTrue();
        assertThat(HttpEventMapper.isTextual("application/octet-stream")).isFalse();
    }

    @Test
    void maps_structured_and_plain_responses() {
        var structured = APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                .withHeaders(Map.of("Location", "/orders/1")).withCookies(List.of("a=b"))
                .withBody("AAEC").withIsBase64Encoded(true).build();
        var r = HttpEventMapper.toResponse(structured, "req");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.headers()).containsEntry("location", List.of("/orders/1"))
                .containsEntry("set-cookie", List.of("a=b"));
        assertThat(r.body()).containsExactly(0, 1, 2);

        var plain = HttpEventMapper.toResponse(Map.of("ok", true), "req");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");

        var fromMap = HttpEventMapper.toResponse(Map.of("statusCode", 404, "body", "nope"), "req");
        assertThat(fromMap.status()).isEqualTo(404);
    }
}

package com.ordertracking.trackingpage;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.ordertracking.shared.application.order.OrderRepository;
import com.ordertracking.shared.domain.tracking.TrackingLinks;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** The handler without storage: forged tokens never reach the repository, failures are HTML too. */
class GetTrackingPageHandlerTest {
    static final TrackingLinks LINKS = new TrackingLinks("https://shop.example.com", "test-secret-0123456789");

    private final AtomicInteger reads = new AtomicInteger();

    /** A repository that counts calls and answers with {@code failure} (or nothing) — no AWS involved. */
    private OrderRepository repository(RuntimeException failure) {
        return (OrderRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {OrderRepository.class}, (proxy, method, args) -> {
                    reads.incrementAndGet();
                    if (failure != null) {
                        throw failure;
                    }
                    return method.getName().equals("find") ? java.util.Optional.empty() : null;
                });
    }

    @ParameterizedTest
    @Event(value = "events/trackingpage/get-tracking-page-tampered.json", type = APIGatewayV2HTTPEvent.class)
    void a_tampered_token_is_a_404_html_page_without_a_read(APIGatewayV2HTTPEvent event) {
        GetTrackingPageHandler handler = new GetTrackingPageHandler(new TrackingPageService(LINKS, repository(null)));

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("content-type", "text/html; charset=utf-8");
        assertThat(response.getBody()).contains("Tracking link not found");
        assertThat(reads).hasValue(0);
    }

    @ParameterizedTest
    @Event(value = "events/trackingpage/get-tracking-page.json", type = APIGatewayV2HTTPEvent.class)
    void the_sample_event_carries_a_genuine_token_for_the_template_default_secret(APIGatewayV2HTTPEvent event) {
        TrackingLinks local = new TrackingLinks("http://localhost:3000", "local-tracking-link-secret");

        assertThat(local.orderIdOf(event.getPathParameters().get("token"))).contains("ord_0000000000000000000a");
    }

    @Test
    void garbage_tokens_are_404_pages_and_never_5xx() {
        GetTrackingPageHandler handler = new GetTrackingPageHandler(new TrackingPageService(LINKS, repository(null)));
        String genuine = LINKS.token("ord_0000000000000000000a");

        for (String token : new String[] {"x", "~", "~abc", "ord_1~", "ord_1~!!!!", "<script>", genuine + "A",
                genuine.substring(0, genuine.length() - 1), "a".repeat(5000) + "~" + "b".repeat(16), "%00", " "}) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(event(token), null);

            assertThat(response.getStatusCode()).as(token).isEqualTo(404);
            assertThat(response.getBody()).as(token).contains("Tracking link not found").doesNotContain("<script>");
        }
        assertThat(reads).as("only well-signed tokens are looked up").hasValue(0);
    }

    @Test
    void a_genuine_token_for_an_unknown_order_is_the_same_404() {
        GetTrackingPageHandler handler = new GetTrackingPageHandler(new TrackingPageService(LINKS, repository(null)));

        APIGatewayV2HTTPResponse response = handler.handleRequest(event(LINKS.token("ord_0000000000000000000a")), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).isEqualTo(TrackingPage.notFound());
        assertThat(reads).hasValue(1);
    }

    @Test
    void a_missing_token_is_a_404_page_not_a_json_problem() {
        GetTrackingPageHandler handler = new GetTrackingPageHandler(new TrackingPageService(LINKS, repository(null)));
        APIGatewayV2HTTPEvent event = event("x");
        event.setPathParameters(null);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("content-type", "text/html; charset=utf-8");
    }

    @Test
    void a_storage_failure_is_an_html_503_with_a_reference_and_the_security_headers() {
        GetTrackingPageHandler handler = new GetTrackingPageHandler(
                new TrackingPageService(LINKS, repository(new IllegalStateException("DynamoDB down"))));

        APIGatewayV2HTTPResponse response = handler.handleRequest(event(LINKS.token("ord_0000000000000000000a")), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getBody()).contains("Tracking is unavailable right now").doesNotContain("DynamoDB");
        assertSecurityHeaders(response.getHeaders());
    }

    static void assertSecurityHeaders(Map<String, String> headers) {
        assertThat(headers)
                .containsEntry("content-type", "text/html; charset=utf-8")
                .containsEntry("cache-control", "no-store")
                .containsEntry("x-content-type-options", "nosniff")
                .containsEntry("referrer-policy", "no-referrer")
                .containsEntry("x-robots-tag", "noindex, nofollow");
        assertThat(headers.get("content-security-policy")).startsWith("default-src 'none'; style-src 'unsafe-inline'")
                .contains("frame-ancestors 'none'").doesNotContain("script-src");
    }

    static APIGatewayV2HTTPEvent event(String token) {
        APIGatewayV2HTTPEvent event = com.amazonaws.services.lambda.runtime.tests.EventLoader
                .loadApiGatewayHttpEvent("events/trackingpage/get-tracking-page.json");
        Map<String, String> path = new HashMap<>();
        path.put("token", token);
        event.setPathParameters(path);
        event.setRawPath("/track/" + token);
        return event;
    }
}

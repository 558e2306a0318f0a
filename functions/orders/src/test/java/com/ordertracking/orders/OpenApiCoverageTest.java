package com.ordertracking.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.template.FunctionEvent.HttpApiEvent;
import com.ordertracking.local.cloud.template.LocalAccount;
import com.ordertracking.local.cloud.template.SamTemplate;
import com.ordertracking.local.cloud.template.TemplateModel;
import com.ordertracking.local.cloud.template.TemplateResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml describes every HttpApi route of template.yaml, and the routes the design
 * brief's external contract fixes. Path parameter names are compared loosely ({@code {x}}), so a
 * renamed parameter does not hide a missing route while the lint checks the document itself.
 */
class OpenApiCoverageTest {
    private static final Path TEMPLATE = LocalCloud.findTemplate();
    private static final Path OPENAPI = TEMPLATE.resolveSibling("docs/openapi.yaml");

    /** The brief's external contract, including routes no function serves yet. */
    private static final List<String> CONTRACT = List.of(
            "POST /orders", "GET /orders/{orderId}", "GET /orders", "PATCH /orders/{orderId}",
            "POST /orders/{orderId}/process", "POST /orders/{orderId}/ship", "POST /orders/{orderId}/cancel",
            "POST /orders/{orderId}/refund", "POST /orders/{orderId}/returns/{returnId}/approve",
            "POST /orders/{orderId}/returns/{returnId}/reject", "POST /orders/{orderId}/returns/{returnId}/receive",
            "GET /orders/{orderId}/events", "POST /orders/{orderId}/compensations", "POST /coupons",
            "PUT /seller/notification-preferences", "GET /me/orders", "GET /me/orders/{orderId}",
            "PUT /me/notification-preferences", "GET /me/notification-preferences",
            "PATCH /me/orders/{orderId}/shipping-address", "POST /me/orders/{orderId}/returns",
            "POST /me/orders/{orderId}/feedback", "POST /webhooks/carriers/{carrier}", "POST /webhooks/aftership",
            "POST /webhooks/easypost", "GET /track/{token}",
            "POST /seller/webhooks", "GET /seller/webhooks", "GET /seller/webhooks/{webhookId}",
            "DELETE /seller/webhooks/{webhookId}", "GET /seller/webhooks/{webhookId}/deliveries",
            "POST /seller/webhooks/{webhookId}/deliveries/{deliveryId}/retry",
            "POST /seller/webhooks/{webhookId}/rotate-secret",
            "POST /me/orders/{orderId}/cancellation", "POST /orders/{orderId}/cancellation/approve",
            "POST /orders/{orderId}/cancellation/reject", "POST /orders/{orderId}/refunds");

    @Test
    void every_template_route_is_in_openapi() throws IOException {
        Set<String> documented = documentedRoutes(new ObjectMapper(new YAMLFactory()).readTree(OPENAPI.toFile()));

        Set<String> missing = missing(templateRoutes(TEMPLATE), documented);

        assertThat(missing).as("routes of template.yaml missing from docs/openapi.yaml").isEmpty();
    }

    @Test
    void every_contract_route_is_in_openapi() throws IOException {
        Set<String> documented = documentedRoutes(new ObjectMapper(new YAMLFactory()).readTree(OPENAPI.toFile()));

        assertThat(missing(Set.copyOf(CONTRACT), documented)).isEmpty();
    }

    @Test
    void a_route_missing_from_the_document_is_reported() throws IOException {
        // GIVEN a document with one route and a template route it lacks
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree("""
                paths:
                  /orders/{id}:
                    get: {}
                    parameters: []
                """);

        // WHEN they are compared
        Set<String> missing = missing(Set.of("GET /orders/{orderId}", "DELETE /orders/{orderId}"), documentedRoutes(document));

        // THEN only the undocumented one is reported (parameter names do not matter; "parameters" is no method)
        assertThat(missing).containsExactly("DELETE /orders/{orderId}");
    }

    @Test
    void the_template_has_routes_to_check() {
        assertThat(templateRoutes(TEMPLATE)).contains("POST /orders", "GET /orders", "GET /me/orders");
    }

    static Set<String> templateRoutes(Path template) {
        TemplateModel model = TemplateModel.of(new TemplateResolver(SamTemplate.load(template), LocalAccount.defaults(),
                Map.of()));
        Set<String> routes = new TreeSet<>();
        model.functions().forEach(function -> function.eventsOfType(HttpApiEvent.class)
                .forEach(event -> routes.add(event.method() + " " + event.path())));
        return routes;
    }

    static Set<String> documentedRoutes(JsonNode openapi) {
        Set<String> routes = new TreeSet<>();
        openapi.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String method = operation.getKey().toUpperCase(Locale.ROOT);
            if (Set.of("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE").contains(method)) {
                routes.add(normalized(method + " " + path.getKey()));
            }
        }));
        return routes;
    }

    static Set<String> missing(Set<String> routes, Set<String> documented) {
        Set<String> missing = new TreeSet<>();
        for (String route : routes) {
            if (!documented.contains(normalized(route))) {
                missing.add(route);
            }
        }
        return missing;
    }

    private static String normalized(String route) {
        return route.replaceAll("\\{[^}]+}", "{}");
    }
}

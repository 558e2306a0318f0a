package com.ordertracking.sellerwebhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.application.sellerwebhook.DeliveryQueue.DeliveryRef;
import com.ordertracking.shared.application.sellerwebhook.WebhookDeliveryService.Handled;
import com.ordertracking.shared.domain.sellerwebhook.AttemptOutcome;
import com.ordertracking.shared.domain.sellerwebhook.EndpointBreaker;
import com.ordertracking.shared.wiring.FunctionEnvironment;
import com.ordertracking.shared.wiring.Settings;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.wiring.Components;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webhook handlers against the embedded stack with the template's function environments: registration
 * under the AWS URL policy, idempotent fan-out, one recorded attempt per due delivery however many wake-ups
 * arrive, the URL re-checked at delivery time, long waits taken in hops of at most 15 minutes.
 */
@ExtendWith(LocalCloudExtension.class)
class SellerWebhooksIT {
    private final LocalCloud cloud;
    private final String sellerId = "seller-" + UUID.randomUUID();
    private final AtomicInteger requests = new AtomicInteger();
    private final HttpServer receiver;
    private volatile int answer = 200;

    SellerWebhooksIT(LocalCloud cloud) throws IOException {
        this.cloud = cloud;
        this.receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hooks", "https://127.0.0.1/hooks", "https://localhost/hooks",
            "https://10.20.30.40/hooks", "https://169.254.169.254/latest/meta-data", "https://[fd00::1]/hooks"})
    void on_aws_settings_loopback_private_and_metadata_urls_are_refused(String url) {
        RegisterWebhookHandler register = withEnvironment("RegisterWebhookFunction",
                Map.of("WEBHOOK_URL_POLICY", "public-only"), RegisterWebhookHandler::new);

        APIGatewayV2HTTPResponse response = register.handleRequest(api("sellerwebhooks/register-webhook.json",
                Json.write(Map.of("url", url, "events", List.of("*")))), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).at("/errors/0/field").asText()).isEqualTo("url");
        assertThat(list()).isEmpty();
    }

    @Test
    void the_sample_registration_is_accepted_by_the_local_settings_and_the_invalid_one_names_its_fields() {
        RegisterWebhookHandler register = cloud.instantiate("RegisterWebhookFunction", RegisterWebhookHandler::new);

        APIGatewayV2HTTPResponse created = register.handleRequest(api("sellerwebhooks/register-webhook.json", null), null);
        APIGatewayV2HTTPResponse invalid = register.handleRequest(api("sellerwebhooks/register-webhook-private-url.json", null), null);

        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(json(created).get("events")).hasSize(2);
        assertThat(invalid.getStatusCode()).isEqualTo(400);
        assertThat(json(invalid).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("events", "secret");
    }

    @Test
    void fan_out_is_idempotent_and_one_due_delivery_is_attempted_once_however_many_wake_ups_arrive() {
        String webhookId = register();
        String event = orderCreated();

        DispatchWebhookDeliveriesHandler dispatch = cloud.instantiate("DispatchWebhookDeliveriesFunction",
                DispatchWebhookDeliveriesHandler::new);
        assertThat(dispatch.handleRequest(sqs(event, event), null).getBatchItemFailures()).isEmpty();
        List<JsonNode> deliveries = deliveries(webhookId);
        assertThat(deliveries).singleElement().satisfies(d -> assertThat(d.get("status").asText()).isEqualTo("PENDING"));

        // Three copies of the wake-up in one batch, handled concurrently
        String wakeUp = wakeUp(webhookId, deliveries.getFirst().get("deliveryId").asText());
        SendWebhookDeliveriesHandler send = cloud.instantiate("SendWebhookDeliveriesFunction", SendWebhookDeliveriesHandler::new);
        SQSBatchResponse result = send.handleRequest(sqs(wakeUp, wakeUp, wakeUp), null);

        assertThat(result.getBatchItemFailures()).isEmpty();
        assertThat(requests.get()).isEqualTo(1);
        assertThat(deliveries(webhookId)).singleElement().satisfies(d -> {
            assertThat(d.get("status").asText()).isEqualTo("DELIVERED");
            assertThat(d.get("attempts").asInt()).isEqualTo(1);
        });
        // A late duplicate changes nothing
        send.handleRequest(sqs(wakeUp), null);
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void the_url_is_checked_again_at_delivery_time() {
        String webhookId = register(); // accepted under the local policy
        cloud.instantiate("DispatchWebhookDeliveriesFunction", DispatchWebhookDeliveriesHandler::new)
                .handleRequest(sqs(orderCreated()), null);
        String deliveryId = deliveries(webhookId).getFirst().get("deliveryId").asText();

        SendWebhookDeliveriesHandler onAws = withEnvironment("SendWebhookDeliveriesFunction",
                Map.of("WEBHOOK_URL_POLICY", "public-only"), SendWebhookDeliveriesHandler::new);
        onAws.handleRequest(sqs(wakeUp(webhookId, deliveryId)), null);

        assertThat(requests.get()).isZero();
        assertThat(deliveries(webhookId)).singleElement().satisfies(d -> {
            assertThat(d.get("attempts").asInt()).isEqualTo(1);
            assertThat(d.get("status").asText()).isEqualTo("PENDING");
            assertThat(d.get("lastError").asText()).startsWith("URL refused");
            assertThat(d.has("lastStatusCode")).isFalse();
        });
    }

    @Test
    void a_failed_attempt_is_retried_later_and_an_early_wake_up_goes_back_to_sleep_at_most_15_minutes() {
        answer = 503;
        String webhookId = register();
        cloud.instantiate("DispatchWebhookDeliveriesFunction", DispatchWebhookDeliveriesHandler::new)
                .handleRequest(sqs(orderCreated()), null);
        String deliveryId = deliveries(webhookId).getFirst().get("deliveryId").asText();
        Map<String, String> env = new HashMap<>(cloud.functionEnvironment("SendWebhookDeliveriesFunction"));
        env.put("WEBHOOK_RETRY_SCHEDULE_SECONDS", "3600");
        Components components = new Components(Settings.of(env), Clock.systemUTC());
        DeliveryRef ref = new DeliveryRef(sellerId, webhookId, deliveryId);

        Handled first = components.webhookDeliveries().wake(ref);
        Handled early = components.webhookDeliveries().wake(ref);

        assertThat(first).isInstanceOfSatisfying(Handled.Attempted.class, a -> {
            assertThat(a.delivery().status().name()).isEqualTo("PENDING");
            assertThat(a.delivery().lastStatusCode()).isEqualTo(503);
            assertThat(a.delivery().nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
        });
        assertThat(early).isEqualTo(new Handled.Deferred(Duration.ofSeconds(900)));
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void after_a_dead_endpoints_first_failure_its_due_deliveries_are_deferred_without_attempts_and_sent_once_it_recovers()
            throws IOException {
        AtomicInteger deadRequests = new AtomicInteger();
        AtomicBoolean recovered = new AtomicBoolean();
        HttpServer dead = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        dead.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        dead.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            deadRequests.incrementAndGet();
            if (!recovered.get()) {
                // The server drops the connection without an answer: a connection error for the sender.
                throw new IllegalStateException("receiver down");
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        dead.start();
        try {
            String deadId = register("http://127.0.0.1:" + dead.getAddress().getPort() + "/hooks");
            String healthyId = register();
            int events = 4;
            DispatchWebhookDeliveriesHandler dispatch = cloud.instantiate("DispatchWebhookDeliveriesFunction",
                    DispatchWebhookDeliveriesHandler::new);
            for (int i = 0; i < events; i++) {
                assertThat(dispatch.handleRequest(sqs(orderCreated()), null).getBatchItemFailures()).isEmpty();
            }
            List<String> deadDeliveries = deliveries(deadId).stream().map(d -> d.get("deliveryId").asText()).toList();
            List<String> healthyDeliveries = deliveries(healthyId).stream().map(d -> d.get("deliveryId").asText()).toList();
            assertThat(deadDeliveries).hasSize(events);
            Map<String, String> env = new HashMap<>(cloud.functionEnvironment("SendWebhookDeliveriesFunction"));
            env.put("WEBHOOK_RETRY_SCHEDULE_SECONDS", "5,300,1800");
            Instant start = Instant.now().plusSeconds(1);
            AtomicReference<Instant> now = new AtomicReference<>(start);
            Clock clock = new Clock() {
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                public Clock withZone(ZoneId zone) {
                    return this;
                }

                public Instant instant() {
                    return now.get();
                }
            };
            var service = new Components(Settings.of(env), clock).webhookDeliveries();

            Handled first = service.wake(new DeliveryRef(sellerId, deadId, deadDeliveries.getFirst()));
            assertThat(first).isInstanceOfSatisfying(Handled.Attempted.class,
                    a -> assertThat(a.outcome()).isInstanceOf(AttemptOutcome.Unreachable.class));
            assertThat(deadRequests.get()).isEqualTo(1);

            Instant suspendedUntil = start.plus(EndpointBreaker.FIRST);
            for (String deliveryId : deadDeliveries.subList(1, events)) {
                assertThat(service.wake(new DeliveryRef(sellerId, deadId, deliveryId)))
                        .isEqualTo(new Handled.Suspended(suspendedUntil));
            }
            assertThat(deadRequests.get()).as("no HTTP attempt while suspended").isEqualTo(1);
            assertThat(deliveries(deadId)).filteredOn(d -> !d.get("deliveryId").asText().equals(deadDeliveries.getFirst()))
                    .allSatisfy(d -> {
                        assertThat(d.get("status").asText()).isEqualTo("PENDING");
                        assertThat(d.get("attempts").asInt()).isZero();
                        assertThat(Instant.parse(d.get("nextAttemptAt").asText())).isEqualTo(suspendedUntil);
                    });
            // Another endpoint is not held up: its delivery goes through at once.
            assertThat(service.wake(new DeliveryRef(sellerId, healthyId, healthyDeliveries.getFirst())))
                    .isInstanceOfSatisfying(Handled.Attempted.class,
                            a -> assertThat(a.outcome()).isInstanceOf(AttemptOutcome.Delivered.class));
            assertThat(requests.get()).isEqualTo(1);

            // The receiver recovers; once the suspension ends the deferred deliveries are sent, one attempt each.
            recovered.set(true);
            now.set(suspendedUntil.plusSeconds(1));
            for (String deliveryId : deadDeliveries.subList(1, events)) {
                assertThat(service.wake(new DeliveryRef(sellerId, deadId, deliveryId)))
                        .isInstanceOfSatisfying(Handled.Attempted.class,
                                a -> assertThat(a.outcome()).isInstanceOf(AttemptOutcome.Delivered.class));
            }
            assertThat(deadRequests.get()).isEqualTo(events);
            assertThat(deliveries(deadId)).filteredOn(d -> !d.get("deliveryId").asText().equals(deadDeliveries.getFirst()))
                    .allSatisfy(d -> {
                        assertThat(d.get("status").asText()).isEqualTo("DELIVERED");
                        assertThat(d.get("attempts").asInt()).isEqualTo(1);
                    });
        } finally {
            dead.stop(0);
        }
    }

    @Test
    void deleting_the_webhook_closes_its_pending_deliveries_without_sending() {
        String webhookId = register();
        cloud.instantiate("DispatchWebhookDeliveriesFunction", DispatchWebhookDeliveriesHandler::new)
                .handleRequest(sqs(orderCreated()), null);
        String deliveryId = deliveries(webhookId).getFirst().get("deliveryId").asText();
        APIGatewayV2HTTPEvent delete = api("sellerwebhooks/delete-webhook.json", null);
        delete.setPathParameters(Map.of("webhookId", webhookId));
        assertThat(cloud.instantiate("DeleteWebhookFunction", DeleteWebhookHandler::new).handleRequest(delete, null)
                .getStatusCode()).isEqualTo(204);

        cloud.instantiate("SendWebhookDeliveriesFunction", SendWebhookDeliveriesHandler::new)
                .handleRequest(sqs(wakeUp(webhookId, deliveryId)), null);

        assertThat(requests.get()).isZero();
        Components components = new Components(Settings.of(cloud.functionEnvironment("SendWebhookDeliveriesFunction")),
                Clock.systemUTC());
        assertThat(components.webhookDeliveries().wake(new DeliveryRef(sellerId, webhookId, deliveryId)))
                .isEqualTo(new Handled.Skipped("already FAILED"));
    }

    private String register() {
        return register("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
    }

    private String register(String url) {
        APIGatewayV2HTTPResponse response = cloud.instantiate("RegisterWebhookFunction", RegisterWebhookHandler::new)
                .handleRequest(api("sellerwebhooks/register-webhook.json", Json.write(Map.of(
                        "url", url,
                        "events", List.of("order.created")))), null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return json(response).get("webhookId").asText();
    }

    private List<JsonNode> list() {
        APIGatewayV2HTTPResponse response = cloud.instantiate("ListWebhooksFunction", ListWebhooksHandler::new)
                .handleRequest(api("sellerwebhooks/list-webhooks.json", null), null);
        return iterate(json(response).get("items"));
    }

    private List<JsonNode> deliveries(String webhookId) {
        APIGatewayV2HTTPEvent event = api("sellerwebhooks/list-webhook-deliveries.json", null);
        event.setPathParameters(Map.of("webhookId", webhookId));
        event.setQueryStringParameters(Map.of());
        APIGatewayV2HTTPResponse response = cloud.instantiate("ListWebhookDeliveriesFunction",
                ListWebhookDeliveriesHandler::new).handleRequest(event, null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return iterate(json(response).get("items"));
    }

    private String orderCreated() {
        String orderId = "ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        return Json.write(Map.of("schemaVersion", 1, "eventId", orderId + ":v1:OrderCreated", "eventType", "OrderCreated",
                "occurredAt", Instant.now().toString(), "orderId", orderId, "orderVersion", 1, "sellerId", sellerId,
                "buyerId", "buyer-1", "status", "PENDING"));
    }

    private String wakeUp(String webhookId, String deliveryId) {
        return Json.write(Map.of("sellerId", sellerId, "webhookId", webhookId, "deliveryId", deliveryId));
    }

    private <T> T withEnvironment(String function, Map<String, String> overrides, Supplier<T> handler) {
        Map<String, String> env = new HashMap<>(cloud.functionEnvironment(function));
        env.putAll(overrides);
        return FunctionEnvironment.with(env, handler);
    }

    private APIGatewayV2HTTPEvent api(String fixture, String body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/" + fixture);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(new HashMap<>(Map.of("sub", sellerId, "role", "seller")));
        if (body != null) {
            event.setBody(body);
        }
        return event;
    }

    private static SQSEvent sqs(String... bodies) {
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new java.util.ArrayList<>();
        for (String body : bodies) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId(UUID.randomUUID().toString());
            message.setBody(body);
            records.add(message);
        }
        event.setRecords(records);
        return event;
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.read(response.getBody(), JsonNode.class);
    }

    private static List<JsonNode> iterate(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}

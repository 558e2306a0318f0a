package com.ordertracking.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.runtime.testfn.CollectingQueueHandler;
import com.ordertracking.local.runtime.testfn.CollectingStreamHandler;
import com.ordertracking.local.runtime.testfn.CountingScheduleHandler;
import com.ordertracking.shared.adapters.json.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The runtime serves a template its code has never seen: an open and a protected route, an SQS
 * mapping with partial failures and a DLQ, a DynamoDB stream mapping and a schedule — so a function
 * added to template.yaml needs no runtime change.
 */
class TemplateDrivenRuntimeIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRuntime runtime;

    @BeforeAll
    static void startRuntime() throws URISyntaxException {
        Path template = Path.of(TemplateDrivenRuntimeIT.class.getResource("/runtime-template.yaml").toURI());
        runtime = LocalRuntime.start(new LocalRuntime.Options(template, 0, null));
        await().atMost(Duration.ofSeconds(20)).until(runtime::isReady);
    }

    @AfterAll
    static void stopRuntime() {
        runtime.close();
    }

    @Test
    void open_route_is_served_with_the_environment_resolved_from_the_template() {
        Response response = send("GET", "/greet/ana", null, null, Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello from order-tracking-local, ana");
    }

    @Test
    void protected_route_uses_the_templates_authorizer_and_passes_claims() {
        assertThat(send("GET", "/whoami", null, null, Map.of()).status()).isEqualTo(401);

        Response response = send("GET", "/whoami", token("buyer", "b-7"), null, Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/requestContext/authorizer/jwt/claims/sub").asText()).isEqualTo("b-7");
        assertThat(response.json().at("/requestContext/authorizer/jwt/claims/iss").asText()).isEqualTo("https://issuer.test");
    }

    @Test
    void sqs_mapping_processes_messages_and_redrives_poison_to_the_dlq() {
        // GIVEN good and poison messages on the template's queue
        String queueUrl = runtime.cloud().physicalName("WorkQueue");
        String run = UUID.randomUUID().toString();
        runtime.cloud().sqs().sendMessage(m -> m.queueUrl(queueUrl).messageBody("good-" + run));
        runtime.cloud().sqs().sendMessage(m -> m.queueUrl(queueUrl).messageBody("poison-" + run));

        // THEN the good one is processed once and the poison one ends in the DLQ after maxReceiveCount
        String dlqUrl = runtime.cloud().physicalName("WorkDeadLetterQueue");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var dlq = runtime.cloud().sqs().receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(10)
                    .visibilityTimeout(0)).messages();
            assertThat(dlq).anySatisfy(m -> assertThat(m.body()).isEqualTo("poison-" + run));
        });
        assertThat(CollectingQueueHandler.PROCESSED).containsOnlyOnce("good-" + run);
        assertThat(CollectingQueueHandler.FAILED.stream().filter(b -> b.equals("poison-" + run))).hasSize(2);
    }

    @Test
    void stream_mapping_delivers_table_changes_in_order() {
        String table = runtime.cloud().physicalName("WorkTable");
        String id = UUID.randomUUID().toString();

        runtime.cloud().dynamoDb().putItem(p -> p.tableName(table).item(Map.of("id", AttributeValue.fromS(id),
                "n", AttributeValue.fromN("1"))));
        runtime.cloud().dynamoDb().putItem(p -> p.tableName(table).item(Map.of("id", AttributeValue.fromS(id),
                "n", AttributeValue.fromN("2"))));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(CollectingStreamHandler.RECORDS.stream().filter(r -> r.endsWith(":" + id)))
                        .containsExactly("INSERT:" + id, "MODIFY:" + id));
    }

    @Test
    void scheduled_function_runs_on_demand_through_the_developer_endpoint() {
        int before = CountingScheduleHandler.RUNS.get();

        Response response = send("POST", "/_local/invoke/TickFunction", null, null, Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/output/detailType").asText()).isEqualTo("Scheduled Event");
        assertThat(CountingScheduleHandler.RUNS.get()).isEqualTo(before + 1);
        assertThat(send("POST", "/_local/invoke/NoSuchFunction", null, null, Map.of()).status()).isEqualTo(404);
    }

    /** A response with its body; JSON parsed on demand. */
    private record Response(int status, String body) {
        JsonNode json() {
            try {
                return Json.parse(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }
    }

    private static String token(String role, String sub) {
        return send("POST", "/_local/tokens", null, Json.write(Map.of("role", role, "sub", sub)), Map.of())
                .json().get("token").asText();
    }

    private static Response send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(runtime.baseUri().resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

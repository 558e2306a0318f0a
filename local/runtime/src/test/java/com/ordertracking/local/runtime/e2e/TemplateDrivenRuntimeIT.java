package com.ordertracking.local.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ordertracking.local.runtime.LocalRuntime;
import com.ordertracking.local.runtime.testfn.CollectingQueueHandler;
import com.ordertracking.local.runtime.testfn.CollectingStreamHandler;
import com.ordertracking.local.runtime.testfn.CountingScheduleHandler;
import java.net.URISyntaxException;
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
    private static LocalRuntime runtime;
    private static HttpClientSupport client;

    @BeforeAll
    static void startRuntime() throws URISyntaxException {
        Path template = Path.of(TemplateDrivenRuntimeIT.class.getResource("/runtime-template.yaml").toURI());
        runtime = LocalRuntime.start(new LocalRuntime.Options(template, 0, null));
        client = new HttpClientSupport(runtime.baseUri());
        await().atMost(Duration.ofSeconds(20)).until(runtime::isReady);
    }

    @AfterAll
    static void stopRuntime() {
        runtime.close();
    }

    @Test
    void open_route_is_served_with_the_environment_resolved_from_the_template() {
        HttpClientSupport.Response response = client.send("GET", "/greet/ana", null, null, Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello from order-tracking-local, ana");
    }

    @Test
    void protected_route_uses_the_templates_authorizer_and_passes_claims() {
        assertThat(client.send("GET", "/whoami", null, null, Map.of()).status()).isEqualTo(401);

        HttpClientSupport.Response response = client.send("GET", "/whoami", client.token("buyer", "b-7"), null, Map.of());

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

        HttpClientSupport.Response response = client.send("POST", "/_local/invoke/TickFunction", null, null, Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/output/detailType").asText()).isEqualTo("Scheduled Event");
        assertThat(CountingScheduleHandler.RUNS.get()).isEqualTo(before + 1);
        assertThat(client.send("POST", "/_local/invoke/NoSuchFunction", null, null, Map.of()).status()).isEqualTo(404);
    }
}

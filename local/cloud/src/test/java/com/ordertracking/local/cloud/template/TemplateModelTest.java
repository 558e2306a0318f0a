package com.ordertracking.local.cloud.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ordertracking.local.cloud.template.FunctionEvent.DynamoDbStreamEvent;
import com.ordertracking.local.cloud.template.FunctionEvent.HttpApiEvent;
import com.ordertracking.local.cloud.template.FunctionEvent.ScheduleEvent;
import com.ordertracking.local.cloud.template.FunctionEvent.SqsEvent;
import com.ordertracking.local.cloud.template.TableSpec.KeyElement;
import com.ordertracking.local.cloud.template.TableSpec.Throughput;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateModelTest {

    private final TemplateModel model =
            TemplateModel.of(new TemplateResolver(Fixtures.fixture(), Fixtures.ACCOUNT, Map.of()));

    @Test
    void tables() {
        assertThat(model.tables()).extracting(TableSpec::logicalId)
                .containsExactly("OrdersTable", "IdempotencyTable", "SellersTable"); // ProdOnlyTable: condition false

        TableSpec orders = model.table("OrdersTable").orElseThrow();
        assertThat(orders.tableName()).isEqualTo("ot-orders-local");
        assertThat(orders.keySchema()).containsExactly(new KeyElement("pk", "HASH"), new KeyElement("sk", "RANGE"));
        assertThat(orders.hashKey()).isEqualTo("pk");
        assertThat(orders.rangeKey()).contains("sk");
        assertThat(orders.attributeDefinitions()).containsEntry("createdAt", "N").hasSize(5);
        assertThat(orders.billingMode()).isEqualTo(TableSpec.PAY_PER_REQUEST);
        assertThat(orders.provisionedThroughput()).isEmpty();
        assertThat(orders.globalSecondaryIndexes()).hasSize(2);
        var byStatus = orders.globalSecondaryIndexes().get(1);
        assertThat(byStatus.indexName()).isEqualTo("byStatus");
        assertThat(byStatus.projection().projectionType()).isEqualTo("INCLUDE");
        assertThat(byStatus.projection().nonKeyAttributes()).containsExactly("status", "total");
        assertThat(orders.localSecondaryIndexes()).singleElement().satisfies(lsi -> {
            assertThat(lsi.indexName()).isEqualTo("byCreatedAt");
            assertThat(lsi.projection().projectionType()).isEqualTo("KEYS_ONLY");
        });
        assertThat(orders.streamViewType()).contains("NEW_AND_OLD_IMAGES");
        assertThat(orders.streamArn()).hasValueSatisfying(a -> assertThat(a).contains("table/ot-orders-local/stream/"));
        assertThat(orders.ttlAttribute()).contains("expiresAt");

        TableSpec idem = model.table("IdempotencyTable").orElseThrow();
        assertThat(idem.billingMode()).isEqualTo(TableSpec.PROVISIONED);
        assertThat(idem.provisionedThroughput()).contains(new Throughput(2, 3));
        assertThat(idem.streamViewType()).isEmpty();
        assertThat(idem.streamArn()).isEmpty();
        assertThat(idem.ttlAttribute()).isEmpty();

        TableSpec sellers = model.table("SellersTable").orElseThrow();
        assertThat(sellers.keySchema()).containsExactly(new KeyElement("sellerId", "HASH"));
        assertThat(sellers.attributeDefinitions()).containsExactly(Map.entry("sellerId", "S"));
        assertThat(sellers.billingMode()).isEqualTo(TableSpec.PAY_PER_REQUEST);
    }

    @Test
    void queues() {
        QueueSpec events = model.queue("OrderEventsQueue").orElseThrow();
        assertThat(events.queueName()).isEqualTo("order-events-local");
        assertThat(events.url()).isEqualTo("http://127.0.0.1:9999/000000000000/order-events-local");
        assertThat(events.arn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:order-events-local");
        assertThat(events.fifo()).isFalse();
        assertThat(events.visibilityTimeout()).isEqualTo(120);
        assertThat(events.messageRetentionPeriod()).isEqualTo(86400);
        assertThat(events.delaySeconds()).isEqualTo(2);
        assertThat(events.receiveMessageWaitTimeSeconds()).isEqualTo(10);
        assertThat(events.redrivePolicy()).contains(new QueueSpec.RedrivePolicy(
                "arn:aws:sqs:us-east-1:000000000000:order-events-dlq-local", 5));
        assertThat(events.redrivePolicy().orElseThrow().toJson()).isEqualTo(
                "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:order-events-dlq-local\",\"maxReceiveCount\":5}");

        QueueSpec dlq = model.queue("OrderEventsDlq").orElseThrow();
        assertThat(dlq.visibilityTimeout()).as("AWS default").isEqualTo(30);
        assertThat(dlq.redrivePolicy()).isEmpty();

        QueueSpec fifo = model.queue("NotificationsQueue").orElseThrow();
        assertThat(fifo.queueName()).isEqualTo("ot-NotificationsQueue.fifo");
        assertThat(fifo.fifo()).isTrue();
        assertThat(fifo.contentBasedDeduplication()).isTrue();
        assertThat(fifo.redrivePolicy()).as("RedrivePolicy given as a JSON string")
                .contains(new QueueSpec.RedrivePolicy("arn:aws:sqs:us-east-1:000000000000:notifications-dlq.fifo", 3));
        assertThat(model.queueByArn(dlq.arn())).contains(dlq);
        assertThat(model.queueByName("notifications-dlq.fifo")).isPresent();
    }

    @Test
    void topics_and_subscriptions() {
        TopicSpec topic = model.topics().getFirst();
        assertThat(topic.logicalId()).isEqualTo("OrderEventsTopic");
        assertThat(topic.topicName()).isEqualTo("order-events-local");
        assertThat(topic.arn()).isEqualTo("arn:aws:sns:us-east-1:000000000000:order-events-local");
        assertThat(topic.fifo()).isFalse();
        assertThat(topic.attributes()).containsExactly(Map.entry("DisplayName", "Order events"));

        assertThat(model.subscriptions()).extracting(SubscriptionSpec::logicalId).containsExactly(
                "OrderEventsTopic.Subscription[0]", "OrderEventsSubscription", "NotificationsSubscription");

        SubscriptionSpec inline = model.subscriptions().get(0);
        assertThat(inline.topicArn()).isEqualTo(topic.arn());
        assertThat(inline.protocol()).isEqualTo("sqs");
        assertThat(inline.endpoint()).isEqualTo(model.queue("StreamFailuresQueue").orElseThrow().arn());
        assertThat(inline.attributes()).isEmpty();

        SubscriptionSpec filtered = model.subscriptions().get(1);
        assertThat(filtered.topicArn()).isEqualTo(topic.arn());
        assertThat(filtered.endpoint()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:order-events-local");
        assertThat(filtered.rawMessageDelivery()).isTrue();
        assertThat(filtered.filterPolicyScope()).isEqualTo("MessageBody");
        assertThat(filtered.filterPolicy()).contains(
                "{\"eventType\":[\"ORDER_SHIPPED\",\"ORDER_DELIVERED\"],\"total\":[{\"numeric\":[\">\",0]}]}");
        assertThat(filtered.attributes()).containsOnlyKeys("FilterPolicy", "FilterPolicyScope", "RawMessageDelivery")
                .containsEntry("RawMessageDelivery", "true");

        SubscriptionSpec stringPolicy = model.subscriptions().get(2);
        assertThat(stringPolicy.filterPolicy()).contains("{\"eventType\":[\"ORDER_CANCELLED\"]}");
        assertThat(stringPolicy.filterPolicyScope()).isEqualTo("MessageAttributes");
        assertThat(stringPolicy.rawMessageDelivery()).isFalse();
        assertThat(stringPolicy.attributes()).doesNotContainKey("RawMessageDelivery");
    }

    @Test
    void http_apis() {
        assertThat(model.httpApis()).extracting(HttpApiSpec::logicalId)
                .containsExactly("OrdersApi", SamTemplate.IMPLICIT_HTTP_API);
        HttpApiSpec api = model.httpApi("OrdersApi").orElseThrow();
        assertThat(api.apiId()).isEqualTo("ordersapi");
        assertThat(api.stageName()).isEqualTo("local");
        assertThat(api.defaultAuthorizer()).contains("OrdersJwt");
        assertThat(api.jwtAuthorizers()).containsOnlyKeys("OrdersJwt");
        HttpApiSpec.JwtAuthorizer jwt = api.jwtAuthorizers().get("OrdersJwt");
        assertThat(jwt.identitySource()).isEqualTo("$request.header.Authorization");
        assertThat(jwt.issuer()).isEqualTo("https://issuer.example.com/");
        assertThat(jwt.audience()).containsExactly("orders-app", "orders-local");
        assertThat(jwt.authorizationScopes()).containsExactly("orders/read");
        assertThat(api.cors()).hasValueSatisfying(c -> {
            assertThat(c.allowOrigins()).containsExactly("http://localhost:3000", "https://app.example.com");
            assertThat(c.allowMethods()).containsExactly("GET", "POST");
            assertThat(c.maxAge()).contains(600);
            assertThat(c.allowCredentials()).isFalse();
        });
        HttpApiSpec implicit = model.httpApi(SamTemplate.IMPLICIT_HTTP_API).orElseThrow();
        assertThat(implicit.stageName()).isEqualTo("$default");
        assertThat(implicit.defaultAuthorizer()).isEmpty();
    }

    @Test
    void functions_with_globals() {
        assertThat(model.functions()).extracting(FunctionSpec::logicalId).containsExactly(
                "CreateOrderFunction", "PublicWebhookFunction", "OrderEventsConsumer", "PlainLambda");

        FunctionSpec create = model.function("CreateOrderFunction").orElseThrow();
        assertThat(create.functionName()).isEqualTo("ot-create-order");
        assertThat(create.arn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:ot-create-order");
        assertThat(create.handler()).isEqualTo("com.ordertracking.functions.CreateOrderHandler::handleRequest");
        assertThat(create.runtime()).isEqualTo("java21");
        assertThat(create.codeUri()).isEqualTo("../../functions/orders");
        assertThat(create.memorySize()).isEqualTo(512);
        assertThat(create.timeout()).isEqualTo(30);
        assertThat(create.environment())
                .containsEntry("STAGE", "local")
                .containsEntry("LOG_LEVEL", "DEBUG")
                .containsEntry("ORDERS_TABLE", "ot-orders-local")
                .containsEntry("QUEUE_URL", "http://127.0.0.1:9999/000000000000/order-events-local")
                .doesNotContainKey("OPTIONAL");

        FunctionSpec consumer = model.function("OrderEventsConsumer").orElseThrow();
        assertThat(consumer.timeout()).as("from Globals").isEqualTo(20);
        assertThat(consumer.architectures()).containsExactly("arm64");
        assertThat(consumer.environment()).containsOnlyKeys("STAGE", "LOG_LEVEL", "ORDERS_TABLE");

        FunctionSpec plain = model.function("PlainLambda").orElseThrow();
        assertThat(plain.functionName()).isEqualTo("plain-lambda");
        assertThat(plain.codeUri()).isEqualTo("plain.zip");
        assertThat(plain.memorySize()).as("AWS default, no Globals").isEqualTo(128);
        assertThat(plain.timeout()).isEqualTo(3);
        assertThat(plain.architectures()).containsExactly("x86_64");
        assertThat(model.functionByName("plain-lambda")).contains(plain);
    }

    @Test
    void http_api_events() {
        var routes = model.function("CreateOrderFunction").orElseThrow().eventsOfType(HttpApiEvent.class);
        assertThat(routes).containsExactly(
                new HttpApiEvent("CreateOrder", "POST", "/orders", "OrdersApi", "ordersapi",
                        Optional.of("OrdersJwt"), java.util.List.of("orders/read"), "2.0"),
                new HttpApiEvent("GetOrder", "GET", "/orders/{orderId}", "OrdersApi", "ordersapi",
                        Optional.of("OrdersJwt"), java.util.List.of("orders/admin"), "2.0"),
                new HttpApiEvent("Health", "GET", "/health", "OrdersApi", "ordersapi",
                        Optional.empty(), java.util.List.of(), "1.0"));

        var webhook = model.function("PublicWebhookFunction").orElseThrow().events();
        assertThat(webhook).singleElement().isEqualTo(new HttpApiEvent("Webhook", "POST", "/webhooks/{provider}",
                SamTemplate.IMPLICIT_HTTP_API, "serverlesshttpapi", Optional.empty(), java.util.List.of(), "2.0"));
    }

    @Test
    void queue_stream_and_schedule_events() {
        FunctionSpec consumer = model.function("OrderEventsConsumer").orElseThrow();
        assertThat(consumer.events()).extracting(FunctionEvent::name).as("S3 event skipped")
                .containsExactly("OrderEvents", "Notifications", "OrdersStream", "Nightly", "EveryFiveMinutes");

        SqsEvent orderEvents = (SqsEvent) consumer.events().get(0);
        assertThat(orderEvents.queue().logicalId()).contains("OrderEventsQueue");
        assertThat(orderEvents.queue().queueName()).isEqualTo("order-events-local");
        assertThat(orderEvents.queue().url()).endsWith("/000000000000/order-events-local");
        assertThat(orderEvents.batchSize()).isEqualTo(5);
        assertThat(orderEvents.maximumBatchingWindowInSeconds()).isEqualTo(2);
        assertThat(orderEvents.reportBatchItemFailures()).isTrue();
        assertThat(orderEvents.enabled()).isTrue();
        assertThat(orderEvents.maximumConcurrency()).contains(4);

        SqsEvent notifications = (SqsEvent) consumer.events().get(1);
        assertThat(notifications.queue().queueName()).isEqualTo("ot-NotificationsQueue.fifo");
        assertThat(notifications.batchSize()).as("default").isEqualTo(10);
        assertThat(notifications.enabled()).isFalse();
        assertThat(notifications.reportBatchItemFailures()).isFalse();

        DynamoDbStreamEvent stream = (DynamoDbStreamEvent) consumer.events().get(2);
        assertThat(stream.table().logicalId()).contains("OrdersTable");
        assertThat(stream.table().tableName()).isEqualTo("ot-orders-local");
        assertThat(stream.table().streamArn()).contains("table/ot-orders-local/stream/");
        assertThat(stream.startingPosition()).isEqualTo("TRIM_HORIZON");
        assertThat(stream.batchSize()).isEqualTo(25);
        assertThat(stream.maximumBatchingWindowInSeconds()).isEqualTo(1);
        assertThat(stream.bisectBatchOnFunctionError()).isTrue();
        assertThat(stream.maximumRetryAttempts()).isEqualTo(3);
        assertThat(stream.maximumRecordAgeInSeconds()).isEqualTo(3600);
        assertThat(stream.reportBatchItemFailures()).isTrue();
        assertThat(stream.onFailureDestination()).contains(model.queue("StreamFailuresQueue").orElseThrow().arn());
        assertThat(stream.parallelizationFactor()).isEqualTo(2);
        assertThat(stream.enabled()).isTrue();
        assertThat(stream.filterPatterns()).containsExactly("{\"eventName\":[\"INSERT\"]}");

        assertThat(consumer.events().get(3)).isEqualTo(new ScheduleEvent("Nightly", ScheduleEvent.Kind.SCHEDULE,
                "cron(0 3 * * ? *)", true, Optional.of("{\"job\":\"cleanup\"}"), Optional.empty()));
        assertThat(consumer.events().get(4)).isEqualTo(new ScheduleEvent("EveryFiveMinutes",
                ScheduleEvent.Kind.SCHEDULE_V2, "rate(5 minutes)", false, Optional.empty(), Optional.of("Europe/Berlin")));
    }

    @Test
    void event_source_mapping_resources_attach_to_their_function() {
        FunctionSpec plain = model.function("PlainLambda").orElseThrow();
        assertThat(plain.events()).singleElement().isInstanceOfSatisfying(SqsEvent.class, e -> {
            assertThat(e.name()).isEqualTo("PlainLambdaMapping");
            assertThat(e.queue().logicalId()).contains("StreamFailuresQueue");
            assertThat(e.batchSize()).isEqualTo(1);
        });
    }

    @Test
    void real_stream_arns_flow_into_tables_and_events() {
        var resolver = new TemplateResolver(Fixtures.fixture(), Fixtures.ACCOUNT, Map.of())
                .withPhysicalAttributes(Map.of("OrdersTable", Map.of("StreamArn",
                        "arn:aws:dynamodb:us-east-1:000000000000:table/ot-orders-local/stream/2025-01-01T00:00:00.000")));
        TemplateModel real = TemplateModel.of(resolver);
        assertThat(real.table("OrdersTable").orElseThrow().streamArn()).contains(
                "arn:aws:dynamodb:us-east-1:000000000000:table/ot-orders-local/stream/2025-01-01T00:00:00.000");
        assertThat(real.function("OrderEventsConsumer").orElseThrow().eventsOfType(DynamoDbStreamEvent.class))
                .singleElement().satisfies(e -> assertThat(e.table().streamArn()).endsWith("2025-01-01T00:00:00.000"));
    }

    @Test
    void conditional_resources_appear_when_condition_holds() {
        TemplateModel prod = TemplateModel.of(new TemplateResolver(Fixtures.fixture(), Fixtures.ACCOUNT,
                Map.of("Stage", "prod")));
        assertThat(prod.table("ProdOnlyTable")).isPresent();
        assertThat(prod.function("ProdOnlyFunction")).isPresent();
    }

    @Test
    void new_function_in_template_is_served_without_code_change() {
        SamTemplate t = SamTemplate.parse("""
                Resources:
                  Q: {Type: AWS::SQS::Queue}
                  NewFn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::c
                      Runtime: java21
                      Events:
                        Get: {Type: HttpApi, Properties: {Path: /new, Method: get}}
                        Work: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn}}
                """);
        FunctionSpec fn = TemplateModel.of(new TemplateResolver(t, Fixtures.ACCOUNT, Map.of())).functions().getFirst();
        assertThat(fn.events()).hasSize(2);
        assertThat(fn.events().get(0)).isInstanceOfSatisfying(HttpApiEvent.class,
                e -> assertThat(e.apiLogicalId()).isEqualTo(SamTemplate.IMPLICIT_HTTP_API));
        assertThat(fn.events().get(1)).isInstanceOfSatisfying(SqsEvent.class,
                e -> assertThat(e.queue().queueName()).isEqualTo("ot-Q"));
    }

    @Test
    void broken_events_fail_with_path() {
        SamTemplate t = SamTemplate.parse("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Work: {Type: SQS, Properties: {BatchSize: 1}}
                """);
        assertThatThrownBy(() -> TemplateModel.of(new TemplateResolver(t, Fixtures.ACCOUNT, Map.of())))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Resources.Fn.Properties.Events.Work.Properties.Queue is required");
    }
}

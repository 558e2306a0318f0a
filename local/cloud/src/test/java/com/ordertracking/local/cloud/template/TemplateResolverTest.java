package com.ordertracking.local.cloud.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateResolverTest {

    private final TemplateResolver resolver = new TemplateResolver(Fixtures.fixture(), Fixtures.ACCOUNT, Map.of());

    private JsonNode env(String name) {
        return resolver.property("CreateOrderFunction", "Environment.Variables." + name);
    }

    @Test
    void ref_returns_physical_ids_per_resource_type() {
        assertThat(resolver.ref("OrdersTable", "t").asText()).isEqualTo("ot-orders-local");
        assertThat(resolver.ref("IdempotencyTable", "t").asText()).as("generated").isEqualTo("ot-IdempotencyTable");
        assertThat(resolver.ref("SellersTable", "t").asText()).isEqualTo("ot-SellersTable");
        assertThat(resolver.ref("OrderEventsQueue", "t").asText()).isEqualTo("http://127.0.0.1:9999/000000000000/order-events-local");
        assertThat(resolver.ref("NotificationsQueue", "t").asText()).endsWith("/000000000000/ot-NotificationsQueue.fifo");
        assertThat(resolver.ref("OrderEventsTopic", "t").asText()).isEqualTo("arn:aws:sns:us-east-1:000000000000:order-events-local");
        assertThat(resolver.ref("CreateOrderFunction", "t").asText()).isEqualTo("ot-create-order");
        assertThat(resolver.ref("OrderEventsConsumer", "t").asText()).isEqualTo("ot-OrderEventsConsumer");
        assertThat(resolver.ref("OrdersApi", "t").asText()).isEqualTo("ordersapi");
        assertThat(resolver.ref("Stage", "t").asText()).isEqualTo("local");
        assertThat(resolver.ref("AllowedOrigins", "t").toString()).isEqualTo("[\"http://localhost:3000\",\"https://app.example.com\"]");
    }

    @Test
    void get_att_follows_aws_attributes() {
        assertThat(resolver.getAtt("OrdersTable", "Arn", "t")).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/ot-orders-local");
        assertThat(resolver.getAtt("OrdersTable", "StreamArn", "t"))
                .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/ot-orders-local/stream/1970-01-01T00:00:00.000");
        assertThat(resolver.getAtt("OrderEventsQueue", "Arn", "t")).isEqualTo("arn:aws:sqs:us-east-1:000000000000:order-events-local");
        assertThat(resolver.getAtt("OrderEventsQueue", "QueueName", "t")).isEqualTo("order-events-local");
        assertThat(resolver.getAtt("OrderEventsQueue", "QueueUrl", "t")).endsWith("/order-events-local");
        assertThat(resolver.getAtt("OrderEventsTopic", "TopicName", "t")).isEqualTo("order-events-local");
        assertThat(resolver.getAtt("CreateOrderFunction", "Arn", "t"))
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:ot-create-order");
    }

    @Test
    void resolves_intrinsics_in_environment() {
        assertThat(env("QUEUE_URL").asText()).endsWith("/000000000000/order-events-local");
        assertThat(env("TOPIC_ARN").asText()).isEqualTo("arn:aws:sns:us-east-1:000000000000:order-events-local");
        assertThat(env("TABLE_ARN").asText()).endsWith(":table/ot-orders-local");
        assertThat(env("REGION_AND_ACCOUNT").asText()).isEqualTo("us-east-1:000000000000:${NotAVariable}");
        assertThat(env("QUEUE_NAME").asText()).isEqualTo("order-events-local");
        assertThat(env("MODE").asText()).isEqualTo("sandbox-local");
        assertThat(env("OPTIONAL").isMissingNode()).as("AWS::NoValue removes the key").isTrue();
        assertThat(env("JOINED").asText()).isEqualTo("b,us-east-1a");
        assertThat(env("ENCODED").asText()).isEqualTo("aGVsbG8=");
        assertThat(env("CUSTOM").asText()).isEqualTo("local@example.com");
    }

    @Test
    void no_value_drops_object_keys_and_list_entries() {
        JsonNode vars = resolver.property("CreateOrderFunction", "Environment.Variables");
        assertThat(vars.has("OPTIONAL")).isFalse();
        SamTemplate t = SamTemplate.parse("""
                Resources:
                  R: {Type: Custom::X, Properties: {L: [a, !Ref "AWS::NoValue", b]}}
                """);
        var r = new TemplateResolver(t, Fixtures.ACCOUNT, Map.of());
        assertThat(r.property("R", "L").toString()).isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void evaluates_conditions() {
        assertThat(resolver.condition("IsProd")).isFalse();
        assertThat(resolver.condition("IsNotProd")).isTrue();
        assertThat(resolver.condition("IsLocalOrDev")).isTrue();
        assertThat(resolver.condition("ProdAndLocal")).isFalse();
        assertThat(resolver.isActive("ProdOnlyTable")).isFalse();
        assertThat(resolver.isActive("OrdersTable")).isTrue();
    }

    @Test
    void parameter_overrides_change_everything_downstream() {
        var prod = new TemplateResolver(Fixtures.fixture(), Fixtures.ACCOUNT, Map.of("Stage", "prod"));
        assertThat(prod.condition("IsProd")).isTrue();
        assertThat(prod.isActive("ProdOnlyTable")).isTrue();
        assertThat(prod.ref("OrdersTable", "t").asText()).isEqualTo("ot-orders-prod");
        assertThat(prod.property("CreateOrderFunction", "Environment.Variables.MODE").asText()).isEqualTo("production");
        assertThat(prod.property("OrderEventsQueue", "MessageRetentionPeriod").asInt()).as("FindInMap").isEqualTo(1209600);
    }

    @Test
    void pseudo_parameters_and_stack_name() {
        var r = new TemplateResolver(Fixtures.fixture(), Fixtures.ACCOUNT.withStackName("other"), Map.of());
        assertThat(r.ref("AWS::StackName", "t").asText()).isEqualTo("other");
        assertThat(r.ref("AWS::Partition", "t").asText()).isEqualTo("aws");
        assertThat(r.ref("AWS::URLSuffix", "t").asText()).isEqualTo("amazonaws.com");
        assertThat(r.ref("AWS::StackId", "t").asText()).startsWith("arn:aws:cloudformation:us-east-1:000000000000:stack/other/");
        assertThat(r.ref("OrdersTable", "t").asText()).isEqualTo("other-orders-local");
        assertThat(r.resolveString(Fixtures.fixture().outputs().path("ApiUrl").path("Value"), "Outputs.ApiUrl"))
                .isEqualTo("https://ordersapi.execute-api.us-east-1.amazonaws.com/");
    }

    @Test
    void physical_attributes_override_synthetic_values() {
        var real = resolver.withPhysicalAttributes(Map.of(
                "OrdersTable", Map.of("StreamArn", "arn:real-stream"),
                "OrderEventsQueue", Map.of(TemplateResolver.REF, "http://elsewhere/q")));
        assertThat(real.getAtt("OrdersTable", "StreamArn", "t")).isEqualTo("arn:real-stream");
        assertThat(real.ref("OrderEventsQueue", "t").asText()).isEqualTo("http://elsewhere/q");
        assertThat(real.getAtt("OrdersTable", "Arn", "t")).endsWith("table/ot-orders-local");
        assertThat(resolver.getAtt("OrdersTable", "StreamArn", "t")).as("original untouched").contains("1970");
    }

    @Test
    void unresolvable_references_name_logical_id_and_path() {
        assertThatThrownBy(() -> resolver.property("OrdersTable", "Tags"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("SomeBucket.Arn")
                .hasMessageContaining("Resources.OrdersTable.Properties.Tags[0].Value");
        SamTemplate t = SamTemplate.parse("""
                Parameters:
                  NoDefault: {Type: String}
                Resources:
                  R:
                    Type: Custom::X
                    Properties:
                      Missing: !Ref Nope
                      Sub: !Sub "${Nope2.Arn}"
                      Param: !Ref NoDefault
                      Import: !ImportValue other-stack-export
                      Self: !Sub "${R}"
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !GetAtt Q.QueueName
                  Q2:
                    Type: AWS::SQS::Queue
                    Properties:
                      Bad: !GetAtt Q2.Nope
                """);
        var r = new TemplateResolver(t, Fixtures.ACCOUNT, Map.of());
        assertThatThrownBy(() -> r.property("R", "Missing"))
                .hasMessageContaining("'Nope'").hasMessageContaining("Resources.R.Properties.Missing");
        assertThatThrownBy(() -> r.property("R", "Sub"))
                .hasMessageContaining("'Nope2'").hasMessageContaining("Resources.R.Properties.Sub");
        assertThatThrownBy(() -> r.property("R", "Param")).hasMessageContaining("NoDefault");
        assertThatThrownBy(() -> r.property("R", "Import")).hasMessageContaining("other-stack-export");
        assertThatThrownBy(() -> r.property("Q2", "Bad")).hasMessageContaining("Q2.Nope").hasMessageContaining("AWS::SQS::Queue");
        assertThatThrownBy(() -> r.ref("Q", "t")).hasMessageContaining("Circular");
        assertThat(r.property("R", "Self").asText()).isEqualTo("ot-R");
    }

    @Test
    void rejects_unknown_or_disallowed_overrides() {
        assertThatThrownBy(() -> new TemplateResolver(Fixtures.fixture(), Fixtures.ACCOUNT, Map.of("Nope", "x")))
                .hasMessageContaining("Nope");
        assertThatThrownBy(() -> new TemplateResolver(Fixtures.fixture(), Fixtures.ACCOUNT, Map.of("Stage", "qa")))
                .hasMessageContaining("AllowedValues");
    }
}

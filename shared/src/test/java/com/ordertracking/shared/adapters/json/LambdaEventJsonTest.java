package com.ordertracking.shared.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.joda.time.DateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our event mapping ({@link LambdaEventJson}) against the reference: Lambda's Java runtime serialization library,
 * used the way the runtime uses it for a typed handler (its event serializers for the events it supports, its plain
 * Jackson factory for the others such as API Gateway HTTP events and every response). Every fixture under
 * {@code events/} is read by both and the two objects are compared field by field (recursively, types included);
 * responses are written by both and the JSON trees compared.
 */
class LambdaEventJsonTest {
    private static final Path EVENTS = Path.of("").toAbsolutePath().getParent().resolve("events");
    private static final ObjectMapper TREES = new ObjectMapper();

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.walk(EVENTS)) {
            List<Path> json = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(json).as("fixtures under %s", EVENTS).hasSizeGreaterThan(50);
            return json.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void every_fixture_reads_exactly_as_the_lambda_runtime_reads_it(Path fixture) throws IOException {
        byte[] event = Files.readAllBytes(fixture);
        Class<?> type = eventType(TREES.readTree(event));

        Object ours = LambdaEventJson.read(new ByteArrayInputStream(event), type);
        Object lambdas = lambdaSerializer(type).fromJson(new ByteArrayInputStream(event));

        assertSameFields(ours, lambdas);
    }

    @Test
    void the_fields_aws_names_its_own_way_are_read_not_left_empty() throws IOException {
        SQSEvent.SQSMessage message = read("tracking/tracking-events.json", SQSEvent.class).getRecords().getFirst();
        assertThat(message.getEventSourceArn()).endsWith(":order-tracking-local-TrackingEventsQueue");
        assertThat(message.getAttributes()).containsEntry("ApproximateReceiveCount", "1");

        var record = read("events/order-stream-shipped.json", DynamodbEvent.class).getRecords().getFirst();
        assertThat(record.getEventName()).isEqualTo("MODIFY");
        assertThat(record.getDynamodb().getKeys().get("sk").getS()).isEqualTo("ORDER");
        assertThat(record.getDynamodb().getNewImage().get("buyer").getM().get("id").getS()).isEqualTo("buyer-1");
        assertThat(record.getDynamodb().getNewImage().get("items").getL()).isNotEmpty();
        assertThat(record.getDynamodb().getSequenceNumber()).isNotBlank();
        assertThat(record.getDynamodb().getApproximateCreationDateTime()).hasTime(1_795_560_067_000L);

        ScheduledEvent schedule = read("delays/detect-delays.json", ScheduledEvent.class);
        assertThat(schedule.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(schedule.getTime().getMillis()).isEqualTo(DateTime.parse("2026-11-24T00:15:00Z").getMillis());

        APIGatewayV2HTTPEvent api = read("orders/create-order.json", APIGatewayV2HTTPEvent.class);
        assertThat(api.getRequestContext().getAuthorizer().getJwt().getClaims()).containsKey("sub");
        assertThat(api.getRawPath()).isEqualTo("/orders");
    }

    /** The comparison above can fail: Jackson without our names (the event classes' own) reads these differently. */
    @Test
    void without_the_aws_names_the_comparison_fails() throws IOException {
        for (String fixture : List.of("tracking/tracking-events.json", "events/order-stream-shipped.json",
                "delays/detect-delays.json")) {
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) TREES.readTree(EVENTS.resolve(fixture).toFile());
            tree.remove("time"); // a joda DateTime, which Jackson cannot read on its own at all
            byte[] event = TREES.writeValueAsBytes(tree);
            Class<?> type = eventType(tree);
            Object lambdas = lambdaSerializer(type).fromJson(new ByteArrayInputStream(event));
            Object unnamed = new ObjectMapper().findAndRegisterModules()
                    .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(event, type);
            assertThatThrownBy(() -> assertSameFields(unnamed, lambdas)).as(fixture).isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void binary_sets_and_nulls_of_stream_images_read_as_the_runtime_reads_them() throws IOException {
        byte[] event = """
                {"Records": [{"eventID": "e1", "eventName": "INSERT", "eventSource": "aws:dynamodb",
                  "eventSourceARN": "arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/x",
                  "userIdentity": {"principalId": "dynamodb.amazonaws.com", "type": "Service"},
                  "dynamodb": {"ApproximateCreationDateTime": 1795560067.25, "SizeBytes": 12,
                    "StreamViewType": "NEW_IMAGE", "SequenceNumber": "1",
                    "Keys": {"pk": {"S": "A"}},
                    "NewImage": {"b": {"B": "AQID"}, "bs": {"BS": ["AQ==", "Ag=="]}, "ss": {"SS": ["x", "y"]},
                      "ns": {"NS": ["1", "2.5"]}, "nul": {"NULL": true}, "flag": {"BOOL": false},
                      "n": {"N": "42"}, "l": {"L": [{"S": "a"}, {"N": "1"}]}}}}]}
                """.getBytes();
        DynamodbEvent ours = LambdaEventJson.read(new ByteArrayInputStream(event), DynamodbEvent.class);
        assertSameFields(ours, lambdaSerializer(DynamodbEvent.class).fromJson(new ByteArrayInputStream(event)));
        assertThat(ours.getRecords().getFirst().getDynamodb().getNewImage().get("b").getB())
                .isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertThat(ours.getRecords().getFirst().getDynamodb().getNewImage().get("nul").getNULL()).isTrue();
    }

    @Test
    void responses_are_written_as_the_runtime_writes_them() throws IOException {
        APIGatewayV2HTTPResponse full = ApiResponses.json(201, Map.of("orderId", "ord_1"), Map.of("location", "/orders/ord_1"));
        full.setCookies(List.of("a=b"));
        full.setMultiValueHeaders(Map.of("vary", List.of("accept", "origin")));
        full.setIsBase64Encoded(true);
        for (Object response : List.of(full,
                ApiResponses.problem(Problem.of(404, "not-found", "Not found", "no such order").atInstance("/orders/x")),
                ApiResponses.empty(204, Map.of()),
                SQSBatchResponse.builder().withBatchItemFailures(List.of(
                        SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier("m1").build())).build(),
                SQSBatchResponse.builder().withBatchItemFailures(List.of()).build(),
                StreamsEventResponse.builder().withBatchItemFailures(List.of(
                        StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier("42").build())).build())) {
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            LambdaEventJson.write(response, ours);
            ByteArrayOutputStream lambdas = new ByteArrayOutputStream();
            lambdaSerializer(response.getClass()).toJson(response, lambdas);
            JsonNode written = TREES.readTree(ours.toByteArray());
            assertThat(written).as(response.getClass().getSimpleName()).isEqualTo(TREES.readTree(lambdas.toByteArray()));
            assertThat(written.size()).isPositive();
        }
        ByteArrayOutputStream nothing = new ByteArrayOutputStream();
        LambdaEventJson.write(null, nothing);
        assertThat(nothing.toString()).isEqualTo("null"); // what the runtime answers for a void handler
    }

    private static <T> T read(String fixture, Class<T> type) throws IOException {
        return LambdaEventJson.read(Files.newInputStream(EVENTS.resolve(fixture)), type);
    }

    /** The event class the runtime would read a fixture into, from the shape of the event. */
    private static Class<?> eventType(JsonNode event) {
        if (event.has("routeKey") && event.has("requestContext")) {
            return APIGatewayV2HTTPEvent.class;
        }
        if (event.has("detail-type")) {
            return ScheduledEvent.class;
        }
        return switch (event.path("Records").path(0).path("eventSource").asText()) {
            case "aws:sqs" -> SQSEvent.class;
            case "aws:dynamodb" -> DynamodbEvent.class;
            default -> throw new AssertionError("fixture of an unknown event kind: " + event);
        };
    }

    /** What the runtime uses for a typed handler's input or output of this class (as bench's InvokeOnce does). */
    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> lambdaSerializer(Class<?> type) {
        return (PojoSerializer<Object>) (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, LambdaEventJsonTest.class.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(type));
    }

    private static void assertSameFields(Object ours, Object lambdas) {
        assertThat(ours).usingRecursiveComparison()
                .withStrictTypeChecking()
                .withEqualsForType(DateTime::equals, DateTime.class) // instant and zone
                .isEqualTo(lambdas);
    }
}

package com.ordertracking.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.adapters.http.webhook.TrackingIntake;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.adapters.messaging.TrackingQueue;
import com.ordertracking.shared.application.tracking.TrackingConfig;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import com.ordertracking.shared.domain.webhook.WebhookSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Webhook intake against the embedded stack: accepted webhooks become exactly one normalized message
 * on the real tracking-events queue; rejected ones are problems and enqueue nothing.
 */
@ExtendWith(LocalCloudExtension.class)
class WebhookIntakeIT {
    private static final String SECRET = "local-webhook-secret";
    private final LocalCloud cloud;
    private final ReceiveCarrierWebhookHandler carrier;
    private final ReceiveAfterShipWebhookHandler afterShip;
    private final ReceiveEasyPostWebhookHandler easyPost;
    private final String queueUrl;
    private final String trackingNumber = "1Z" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();

    WebhookIntakeIT(LocalCloud cloud) {
        this.cloud = cloud;
        carrier = cloud.instantiate("ReceiveCarrierWebhookFunction", ReceiveCarrierWebhookHandler::new);
        afterShip = cloud.instantiate("ReceiveAfterShipWebhookFunction", ReceiveAfterShipWebhookHandler::new);
        easyPost = cloud.instantiate("ReceiveEasyPostWebhookFunction", ReceiveEasyPostWebhookHandler::new);
        queueUrl = cloud.physicalName("TrackingEventsQueue");
    }

    @ParameterizedTest
    @Event(value = "events/webhooks/carrier-in-transit.json", type = APIGatewayV2HTTPEvent.class)
    void a_signed_carrier_event_is_202_and_one_normalized_message(APIGatewayV2HTTPEvent event) {
        // GIVEN the sample event with our tracking number, signed now
        String body = event.getBody().replace("1Z999AA10123456784", trackingNumber.toLowerCase());
        sign(event, body, SECRET, Instant.now().getEpochSecond());

        // WHEN it is posted
        APIGatewayV2HTTPResponse response = carrier.handleRequest(event, null);

        // THEN 202 {accepted, eventId} and the queue holds the normalized event
        assertThat(response.getStatusCode()).isEqualTo(202);
        JsonNode answer = Json.read(response.getBody(), JsonNode.class);
        assertThat(answer.get("accepted").asBoolean()).isTrue();
        assertThat(answer.get("eventId").asText()).isEqualTo("ups-evt-0001");
        List<TrackingEvent> queued = queuedFor(trackingNumber);
        assertThat(queued).hasSize(1);
        TrackingEvent normalized = queued.getFirst();
        assertThat(normalized.source()).isEqualTo("ups");
        assertThat(normalized.carrier()).isEqualTo("ups");
        assertThat(normalized.trackingNumber()).isEqualTo(trackingNumber);
        assertThat(normalized.status().name()).isEqualTo("IN_TRANSIT");
        assertThat(normalized.occurredAt()).isEqualTo(Instant.parse("2026-11-24T06:12:00Z"));
        assertThat(normalized.estimatedDelivery()).isEqualTo(Instant.parse("2026-11-26T18:00:00Z"));
        assertThat(normalized.location()).isEqualTo("Louisville, KY, US");
    }

    @ParameterizedTest
    @Event(value = "events/webhooks/carrier-in-transit.json", type = APIGatewayV2HTTPEvent.class)
    void a_wrong_secret_is_401_and_enqueues_nothing(APIGatewayV2HTTPEvent event) {
        String body = event.getBody().replace("1Z999AA10123456784", trackingNumber);
        sign(event, body, "not-the-secret", Instant.now().getEpochSecond());

        assertProblem(carrier.handleRequest(event, null), 401, "/problems/invalid-signature");
    }

    @ParameterizedTest
    @Event(value = "events/webhooks/carrier-in-transit.json", type = APIGatewayV2HTTPEvent.class)
    void a_timestamp_15_minutes_old_is_401_and_enqueues_nothing(APIGatewayV2HTTPEvent event) {
        String body = event.getBody().replace("1Z999AA10123456784", trackingNumber);
        sign(event, body, SECRET, Instant.now().minusSeconds(15 * 60).getEpochSecond());

        assertProblem(carrier.handleRequest(event, null), 401, "/problems/invalid-signature");
    }

    @ParameterizedTest
    @Event(value = "events/webhooks/carrier-incomplete.json", type = APIGatewayV2HTTPEvent.class)
    void a_correctly_signed_incomplete_body_is_400_naming_the_fields(APIGatewayV2HTTPEvent event) {
        sign(event, event.getBody(), SECRET, Instant.now().getEpochSecond());

        JsonNode problem = assertProblem(carrier.handleRequest(event, null), 400, "/problems/validation");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("trackingNumber", "status", "occurredAt");
    }

    @ParameterizedTest
    @Event(value = "events/webhooks/carrier-in-transit.json", type = APIGatewayV2HTTPEvent.class)
    void a_correctly_signed_malformed_body_is_400(APIGatewayV2HTTPEvent event) {
        sign(event, "{\"eventId\": \"e1\", \"trackingNumber\": \"" + trackingNumber + "\"", SECRET,
                Instant.now().getEpochSecond());

        assertProblem(carrier.handleRequest(event, null), 400, "/problems/malformed-json");
    }

    @ParameterizedTest
    @Event(value = "events/webhooks/carrier-unknown-carrier.json", type = APIGatewayV2HTTPEvent.class)
    void an_unknown_carrier_is_404(APIGatewayV2HTTPEvent event) {
        sign(event, event.getBody().replace("AB1234", trackingNumber), SECRET, Instant.now().getEpochSecond());

        JsonNode problem = assertProblem(carrier.handleRequest(event, null), 404, "/problems/not-found");
        assertThat(problem.get("detail").asText()).contains("pigeonpost").contains("ups");
    }

    @ParameterizedTest
    @Event(value = "events/webhooks/carrier-in-transit.json", type = APIGatewayV2HTTPEvent.class)
    void a_300_kb_body_is_413(APIGatewayV2HTTPEvent event) {
        String body = event.getBody().replace("1Z999AA10123456784", trackingNumber)
                .replace("\"Departed from facility\"", "\"" + "x".repeat(300 * 1024) + "\"");
        sign(event, body, SECRET, Instant.now().getEpochSecond());

        assertProblem(carrier.handleRequest(event, null), 413, "/problems/payload-too-large");
    }

    @ParameterizedTest
    @Event(value = "events/webhooks/carrier-in-transit.json", type = APIGatewayV2HTTPEvent.class)
    void a_base64_encoded_body_is_verified_on_its_decoded_bytes(APIGatewayV2HTTPEvent event) {
        String body = event.getBody().replace("1Z999AA10123456784", trackingNumber);
        sign(event, body, SECRET, Instant.now().getEpochSecond());
        event.setBody(Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        assertThat(carrier.handleRequest(event, null).getStatusCode()).isEqualTo(202);
        assertThat(queuedFor(trackingNumber)).hasSize(1);
    }

    @ParameterizedTest
    @Event(value = "events/webhooks/aftership-tracking-update.json", type = APIGatewayV2HTTPEvent.class)
    void the_documented_aftership_example_queues_its_whole_history_and_fails_when_tampered(APIGatewayV2HTTPEvent event) {
        // The fixture carries AfterShip's signature computed with the local secret: valid as is.
        APIGatewayV2HTTPResponse accepted = afterShip.handleRequest(event, null);
        assertThat(accepted.getStatusCode()).isEqualTo(202);
        JsonNode answer = Json.read(accepted.getBody(), JsonNode.class);
        assertThat(answer.get("eventId").asText()).isEqualTo("94dadd60-ed26-46d0-aa52-3ced925a50ff");
        assertThat(answer.get("queued").asInt()).isEqualTo(6);

        // THEN one event per checkpoint, each with its own content-derived id and its own tag
        List<TrackingEvent> history = inCarrierTimeOrder(queuedFor("9400111899223197428490"));
        assertThat(history).extracting(TrackingEvent::status).extracting(Enum::name).containsExactly(
                "INFO_RECEIVED", "IN_TRANSIT", "IN_TRANSIT", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED");
        assertThat(history).allSatisfy(e -> {
            assertThat(e.source()).isEqualTo("aftership");
            assertThat(e.carrier()).isEqualTo("usps");
            assertThat(e.eventId()).startsWith("cp-");
        });
        assertThat(history).extracting(TrackingEvent::eventId).doesNotHaveDuplicates();
        // a checkpoint_time without offset is read as UTC
        assertThat(history.getFirst().occurredAt()).isEqualTo(Instant.parse("2026-11-22T09:14:00Z"));
        TrackingEvent newest = history.getLast();
        assertThat(newest.rawSubStatus()).isEqualTo("Delivered_001");
        assertThat(newest.occurredAt()).isEqualTo(Instant.parse("2026-11-25T22:10:00Z"));
        assertThat(newest.description()).isEqualTo("Delivered, In/At Mailbox");
        // the tracking's estimate rides on the newest checkpoint only
        assertThat(newest.estimatedDelivery()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(history.subList(0, 5)).extracting(TrackingEvent::estimatedDelivery).containsOnlyNulls();

        // WHEN AfterShip delivers the same webhook again THEN the same ids are queued (the processor drops them)
        assertThat(afterShip.handleRequest(event, null).getStatusCode()).isEqualTo(202);
        assertThat(queuedFor("9400111899223197428490")).extracting(TrackingEvent::eventId)
                .containsExactlyInAnyOrderElementsOf(history.stream().map(TrackingEvent::eventId).toList());

        event.setBody(event.getBody().replace("Delivered, In/At Mailbox", "Delivered to the neighbour"));
        assertProblem(afterShip.handleRequest(event, null), 401, "/problems/invalid-signature");
    }

    @ParameterizedTest
    @Event(value = "events/webhooks/aftership-tracking-update.json", type = APIGatewayV2HTTPEvent.class)
    void one_bad_checkpoint_is_a_400_naming_its_path_and_nothing_is_queued(APIGatewayV2HTTPEvent event) {
        ObjectNode body = ourAfterShipBody(event);
        ((ObjectNode) body.path("msg").path("checkpoints").get(3)).put("checkpoint_time", "yesterday");
        ((ObjectNode) body.path("msg").path("checkpoints").get(4)).remove("tag");
        signAfterShip(event, Json.write(body));

        JsonNode problem = assertProblem(afterShip.handleRequest(event, null), 400, "/problems/validation");

        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("msg.checkpoints[3].checkpoint_time", "msg.checkpoints[4].tag");
    }

    @ParameterizedTest
    @Event(value = "events/webhooks/aftership-tracking-update.json", type = APIGatewayV2HTTPEvent.class)
    void a_hostile_history_is_refused_and_a_long_one_is_capped_to_its_newest_checkpoints(APIGatewayV2HTTPEvent event) {
        // GIVEN 1,001 checkpoints (more than any real shipment has): a 400 naming the array, nothing queued
        ObjectNode body = ourAfterShipBody(event);
        signAfterShip(event, Json.write(withCheckpoints(body, 1001)));
        JsonNode problem = assertProblem(afterShip.handleRequest(event, null), 400, "/problems/validation");
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("msg.checkpoints");

        // GIVEN 100,000 (empty) checkpoints: refused by size before anything is parsed
        StringBuilder huge = new StringBuilder("{\"msg\":{\"checkpoints\":[{}");
        huge.append(",{}".repeat(99_999)).append("]}}");
        signAfterShip(event, huge.toString());
        assertProblem(afterShip.handleRequest(event, null), 413, "/problems/payload-too-large");

        // GIVEN 150 valid checkpoints: accepted, the newest 100 queued
        signAfterShip(event, Json.write(withCheckpoints(body, 150)));
        APIGatewayV2HTTPResponse accepted = afterShip.handleRequest(event, null);
        assertThat(accepted.getStatusCode()).isEqualTo(202);
        assertThat(Json.read(accepted.getBody(), JsonNode.class).get("queued").asInt()).isEqualTo(100);
        List<TrackingEvent> queued = inCarrierTimeOrder(queuedFor(trackingNumber));
        assertThat(queued).hasSize(100);
        assertThat(queued.getFirst().occurredAt()).isEqualTo(HISTORY_START.plusSeconds(60 * 50));
        assertThat(queued.getLast().occurredAt()).isEqualTo(HISTORY_START.plusSeconds(60 * 149));
    }

    @ParameterizedTest
    @Event(value = "events/webhooks/aftership-tracking-update.json", type = APIGatewayV2HTTPEvent.class)
    void a_history_the_queue_does_not_take_is_a_503_so_the_sender_retries(APIGatewayV2HTTPEvent event) {
        // GIVEN an intake whose queue SQS does not have (every SendMessageBatch fails, on the real SQS)
        String missingQueue = queueUrl + "-missing";
        ReceiveAfterShipWebhookHandler broken = new ReceiveAfterShipWebhookHandler(new TrackingIntake(
                TrackingConfig.from(Map.of("WEBHOOK_SECRET", SECRET)), new TrackingQueue(cloud.sqs(), missingQueue), Clock.systemUTC()));

        // WHEN the documented example is posted
        APIGatewayV2HTTPResponse response = broken.handleRequest(event, null);

        // THEN 503 problem (never 202 for events that are not queued), without internals
        assertProblem(response, 503, "/problems/queue-unavailable");
        assertThat(response.getBody()).doesNotContain("SQS").doesNotContain(missingQueue);
    }

    @ParameterizedTest
    @Event(value = "events/webhooks/easypost-tracker-updated.json", type = APIGatewayV2HTTPEvent.class)
    void the_documented_easypost_example_verifies_as_signed_and_fails_when_tampered(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse accepted = easyPost.handleRequest(event, null);
        assertThat(accepted.getStatusCode()).isEqualTo(202);
        assertThat(Json.read(accepted.getBody(), JsonNode.class).get("eventId").asText())
                .isEqualTo("evt_ad2365c22d1511f0b5364ffbb3e7a1f1");
        List<TrackingEvent> history = inCarrierTimeOrder(queuedFor("9405500207552011812894"));
        assertThat(history).extracting(TrackingEvent::rawSubStatus).containsExactly(
                "status_update", "arrived_at_facility", "departed_facility", "arrived_at_facility");
        assertThat(history).allSatisfy(e -> {
            assertThat(e.source()).isEqualTo("easypost");
            assertThat(e.carrier()).isEqualTo("usps");
            assertThat(e.eventId()).startsWith("cp-");
        });
        assertThat(history.getFirst().status().name()).isEqualTo("INFO_RECEIVED");
        TrackingEvent newest = history.getLast();
        assertThat(newest.status().name()).isEqualTo("IN_TRANSIT");
        assertThat(newest.occurredAt()).isEqualTo(Instant.parse("2026-11-24T12:44:43Z"));
        assertThat(newest.location()).isEqualTo("HOUSTON, TX, 77063");
        assertThat(newest.estimatedDelivery()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));

        event.setBody(event.getBody().replace("in_transit", "delivered"));
        assertProblem(easyPost.handleRequest(event, null), 401, "/problems/invalid-signature");
    }

    @ParameterizedTest
    @Event(value = "events/webhooks/easypost-tracker-updated.json", type = APIGatewayV2HTTPEvent.class)
    void an_easypost_event_that_is_not_about_tracking_is_acknowledged_and_not_enqueued(APIGatewayV2HTTPEvent event) {
        String body = event.getBody().replace("tracker.updated", "batch.created").replace("9405500207552011812894", trackingNumber);
        event.setBody(body);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("x-hmac-signature", WebhookSignatures.signEasyPost(SECRET, body.getBytes(StandardCharsets.UTF_8)));
        event.setHeaders(headers);

        APIGatewayV2HTTPResponse response = easyPost.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(Json.read(response.getBody(), JsonNode.class).get("accepted").asBoolean()).isFalse();
        assertThat(queuedFor(trackingNumber)).isEmpty();
    }

    private static final Instant HISTORY_START = Instant.parse("2026-11-20T08:00:00Z");

    /** The AfterShip fixture's body for this test's tracking number. */
    private ObjectNode ourAfterShipBody(APIGatewayV2HTTPEvent event) {
        ObjectNode body = (ObjectNode) Json.read(event.getBody(), JsonNode.class);
        ((ObjectNode) body.get("msg")).put("tracking_number", trackingNumber);
        return body;
    }

    /** {@code body} with {@code count} distinct in-transit checkpoints, one a minute from {@link #HISTORY_START}. */
    private static ObjectNode withCheckpoints(ObjectNode body, int count) {
        ArrayNode checkpoints = ((ObjectNode) body.get("msg")).putArray("checkpoints");
        for (int i = count - 1; i >= 0; i--) { // newest first, as AfterShip never promises an order
            checkpoints.addObject().put("checkpoint_time", HISTORY_START.plusSeconds(60L * i).toString())
                    .put("tag", "InTransit").put("subtag", "InTransit_001").put("message", "Scan " + i);
        }
        return body;
    }

    private static void signAfterShip(APIGatewayV2HTTPEvent event, String body) {
        event.setBody(body);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("aftership-hmac-sha256", WebhookSignatures.signAfterShip(SECRET, body.getBytes(StandardCharsets.UTF_8)));
        event.setHeaders(headers);
    }

    private static List<TrackingEvent> inCarrierTimeOrder(List<TrackingEvent> events) {
        return events.stream().sorted(Comparator.comparing(TrackingEvent::occurredAt)).toList();
    }

    private JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String type) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = Json.read(response.getBody(), JsonNode.class);
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(queuedFor(trackingNumber)).as("nothing enqueued").isEmpty();
        return problem;
    }

    private static void sign(APIGatewayV2HTTPEvent event, String body, String secret, long timestamp) {
        event.setBody(body);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("x-webhook-timestamp", Long.toString(timestamp));
        headers.put("x-webhook-signature", WebhookSignatures.signGeneric(secret, timestamp, body.getBytes(StandardCharsets.UTF_8)));
        event.setHeaders(headers);
    }

    /** Takes every message off the queue and returns the events for {@code number} (others are dropped: this JVM's queue). */
    private List<TrackingEvent> queuedFor(String number) {
        List<TrackingEvent> found = new ArrayList<>();
        while (true) {
            List<Message> messages = cloud.sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                return found;
            }
            for (Message message : messages) {
                TrackingEvent event = Json.read(message.body(), TrackingEvent.class);
                if (event.trackingNumber().equals(number)) {
                    found.add(event);
                }
                cloud.sqs().deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }
}

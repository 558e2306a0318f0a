package com.ordertracking.shared.adapters.http.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.http.Problem;
import com.ordertracking.shared.adapters.http.ProblemException;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.tracking.EnqueueFailedException;
import com.ordertracking.shared.application.tracking.TrackingConfig;
import com.ordertracking.shared.application.tracking.TrackingEventQueue;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import com.ordertracking.shared.domain.webhook.WebhookSignatures;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Webhook intake: size check, sender check, signature on the raw bytes, then parse and normalize, then
 * one SQS message per event (an aggregator webhook carries one event per checkpoint of its history). No database work: carriers give us 3-5 seconds and the processor does the rest.
 * Every rejection is a problem (413, 404, 401, 400) and enqueues nothing.
 */
public final class TrackingIntake {
    /** The largest body we read; SQS messages are capped at 256 KB too. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private final TrackingConfig config;
    private final TrackingEventQueue queue;
    private final Clock clock;

    public TrackingIntake(TrackingConfig config, TrackingEventQueue queue, Clock clock) {
        this.config = config;
        this.queue = queue;
        this.clock = clock;
    }


    /** {@code POST /webhooks/carriers/{carrier}}. */
    public WebhookPayloads.Parsed receiveCarrier(String carrier, byte[] body, Function<String, Optional<String>> headers) {
        requireSize(body);
        if (!config.knows(carrier)) {
            throw new ProblemException(Problem.notFound("Unknown carrier '" + carrier + "'; known carriers: "
                    + String.join(", ", config.carriers().stream().sorted().toList())));
        }
        if (!WebhookSignatures.verifyGeneric(config.secretFor(carrier), headers.apply("X-Webhook-Timestamp").orElse(null),
                headers.apply("X-Webhook-Signature").orElse(null), body, clock.instant())) {
            throw unauthorized("X-Webhook-Signature must be v1=<hex HMAC-SHA256 of timestamp.body> and "
                    + "X-Webhook-Timestamp within 5 minutes of now");
        }
        return enqueue(WebhookPayloads.generic(carrier, parse(body)));
    }

    /** {@code POST /webhooks/aftership}. */
    public WebhookPayloads.Parsed receiveAfterShip(byte[] body, Function<String, Optional<String>> headers) {
        requireSize(body);
        if (!WebhookSignatures.verifyAfterShip(config.secretFor("aftership"),
                headers.apply("aftership-hmac-sha256").orElse(null), body)) {
            throw unauthorized("aftership-hmac-sha256 must be the base64 HMAC-SHA256 of the body");
        }
        return enqueue(WebhookPayloads.afterShip(parse(body), body));
    }

    /** {@code POST /webhooks/easypost}. */
    public WebhookPayloads.Parsed receiveEasyPost(byte[] body, Function<String, Optional<String>> headers) {
        requireSize(body);
        if (!WebhookSignatures.verifyEasyPost(config.secretFor("easypost"),
                headers.apply("X-Hmac-Signature").orElse(null), body)) {
            throw unauthorized("X-Hmac-Signature must be hmac-sha256-hex=<hex HMAC-SHA256 of the body>");
        }
        return enqueue(WebhookPayloads.easyPost(parse(body)));
    }

    /**
     * Queues every event of the webhook (an aggregator's whole history: several SendMessageBatch calls) and
     * answers only when all are queued. If SQS keeps refusing some, the answer is 503 so the sender retries;
     * the events that did get queued are queued again then, which the processor drops as duplicates.
     */
    private WebhookPayloads.Parsed enqueue(WebhookPayloads.Parsed parsed) {
        if (parsed instanceof WebhookPayloads.Parsed.Event(String eventId, List<TrackingEvent> events)) {
            try {
                queue.sendAll(events);
            } catch (EnqueueFailedException e) {
                throw new ProblemException(Problem.of(503, "queue-unavailable", "Service unavailable",
                        "Webhook " + eventId + " could not be queued completely; send it again"), e);
            }
        }
        return parsed;
    }

    private static void requireSize(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw new ProblemException(Problem.of(413, "payload-too-large", "Payload too large",
                    "The body is " + body.length + " bytes; at most " + MAX_BODY_BYTES + " are accepted"));
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : Json.MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ProblemException(Problem.badRequest("malformed-json", "The body is empty; a JSON object is expected"));
            }
            return node;
        } catch (IOException e) {
            throw new ProblemException(Problem.badRequest("malformed-json", "The body is not valid JSON"));
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "invalid-signature", "Unauthorized", detail));
    }
}

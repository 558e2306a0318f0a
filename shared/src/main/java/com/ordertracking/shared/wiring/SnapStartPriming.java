package com.ordertracking.shared.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SnapStart priming (Lambda calls {@link #beforeCheckpoint} once, after the handler is constructed and before the
 * snapshot is taken): runs the hot paths of a first request so that their classes are loaded and initialised in
 * the snapshot rather than on the first invocation after a restore. It (de)serialises a sample order with the
 * application's Jackson mapper and sends one typical request through each AWS client the function built, which
 * is marshalled, endpoint-resolved and signed, then stopped by {@link #GUARD} before transmission: nothing leaves
 * the JVM, no item is written, no message sent.
 */
public final class SnapStartPriming implements Resource {
    private static final ThreadLocal<Boolean> PRIMING = ThreadLocal.withInitial(() -> false);

    /** Added to every client by {@link AwsClients}: stops a request before it is sent, but only while priming. */
    static final ExecutionInterceptor GUARD = new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(software.amazon.awssdk.core.interceptor.Context.BeforeTransmission context,
                ExecutionAttributes executionAttributes) {
            if (PRIMING.get()) {
                throw new NotSent();
            }
        }
    };

    /** What a primed request ends with. */
    static final class NotSent extends RuntimeException {
        NotSent() {
            super("priming request stopped before transmission", null, false, false);
        }
    }

    private static final String SAMPLE_ORDER = """
            {"buyer": {"id": "buyer-1", "name": "Ana Souza", "email": "ana@example.com", "phone": "+14155550123"},
             "currency": "USD",
             "items": [{"sku": "MUG-01", "name": "Ceramic mug", "quantity": 2, "unitPrice": "12.50"}],
             "shippingAddress": {"line1": "1 Main St", "city": "Springfield", "postalCode": "12345", "country": "US"},
             "createdAt": "2026-11-24T06:12:00Z", "version": 1}""";

    private final Settings settings;
    private final List<SdkClient> clients = new CopyOnWriteArrayList<>();
    private final List<String> primed = new CopyOnWriteArrayList<>();

    SnapStartPriming(Settings settings) {
        this.settings = settings;
    }

    /** A client built for the function: primed at the checkpoint. */
    <C extends SdkClient> C track(C client) {
        clients.add(client);
        return client;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        JsonNode order = Json.parse(SAMPLE_ORDER);
        Json.read(Json.write(Json.convert(order, Map.class)), Map.class);
        primed.add("json");
        PRIMING.set(true);
        try {
            for (SdkClient client : clients) {
                // By service name, not by type: a function jar holds only the SDK services that function calls.
                switch (client.serviceName()) {
                    case DynamoDbClient.SERVICE_NAME -> stopped("dynamodb", () -> putSampleItem(client));
                    case SqsClient.SERVICE_NAME -> stopped("sqs", () -> sendSampleMessage(client));
                    case SnsClient.SERVICE_NAME -> stopped("sns", () -> publishSampleMessage(client));
                    default -> { }
                }
            }
        } finally {
            PRIMING.set(false);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: credentials are resolved per request by the provider AwsClients chose.
    }

    private void putSampleItem(SdkClient client) {
        ((DynamoDbClient) client).putItem(put -> put
                .tableName(settings.get("ORDERS_TABLE", "priming"))
                .item(Map.of("pk", s("PRIMING"), "sk", s("PRIMING"), "doc", s(SAMPLE_ORDER)))
                .conditionExpression("attribute_not_exists(pk)"));
    }

    private void sendSampleMessage(SdkClient client) {
        ((SqsClient) client).sendMessage(send -> send
                .queueUrl(settings.get("TRACKING_EVENTS_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/000000000000/priming"))
                .messageBody(SAMPLE_ORDER));
    }

    private void publishSampleMessage(SdkClient client) {
        ((SnsClient) client).publish(publish -> publish
                .topicArn(settings.get("ORDER_EVENTS_TOPIC_ARN", "arn:aws:sns:us-east-1:000000000000:priming"))
                .message(SAMPLE_ORDER));
    }

    /** The parts primed so far (for tests and logs): "json", then one entry per client request stopped. */
    public List<String> primed() {
        return List.copyOf(primed);
    }

    private void stopped(String name, Runnable request) {
        try {
            request.run();
            throw new IllegalStateException("priming request to " + name + " was not stopped before transmission");
        } catch (RuntimeException e) {
            if (!causedByGuard(e)) {
                throw e;
            }
            primed.add(name);
        }
    }

    private static boolean causedByGuard(Throwable e) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable t = e; t != null && !seen.contains(t); t = t.getCause()) {
            if (t instanceof NotSent) {
                return true;
            }
            seen.add(t);
        }
        return false;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}

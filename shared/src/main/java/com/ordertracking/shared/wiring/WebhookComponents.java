package com.ordertracking.shared.wiring;

import com.ordertracking.shared.adapters.http.sellerwebhook.JdkWebhookSender;
import com.ordertracking.shared.adapters.messaging.sellerwebhook.SqsDeliveryQueue;
import com.ordertracking.shared.adapters.persistence.sellerwebhook.DynamoWebhookDeliveryRepository;
import com.ordertracking.shared.adapters.persistence.sellerwebhook.DynamoWebhookEndpointRepository;
import com.ordertracking.shared.application.sellerwebhook.DeliveryQueue;
import com.ordertracking.shared.application.sellerwebhook.WebhookDeliveryService;
import com.ordertracking.shared.application.sellerwebhook.WebhookFanOutService;
import com.ordertracking.shared.application.sellerwebhook.WebhookRegistrationService;
import com.ordertracking.shared.application.sellerwebhook.WebhookSender;
import com.ordertracking.shared.aws.AwsClients;
import com.ordertracking.shared.config.Settings;
import com.ordertracking.shared.domain.sellerwebhook.ReceiverUrlPolicy;
import com.ordertracking.shared.domain.sellerwebhook.RetrySchedule;
import java.security.SecureRandom;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Seller webhooks' part of the composition root: builds the use cases from the function environment —
 * {@code ORDERS_TABLE}, {@code WEBHOOK_URL_POLICY} ({@code public-only} on AWS), {@code WEBHOOK_DELIVERIES_QUEUE_URL}
 * and {@code WEBHOOK_RETRY_SCHEDULE_SECONDS} (comma-separated; default {@link RetrySchedule#DEFAULT}). Each
 * function reads only what its use case needs, so it is given only those variables in template.yaml.
 */
public final class WebhookComponents {
    private final Settings settings;
    private final AwsClients clients;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private DynamoDbClient dynamoDb;
    private SqsDeliveryQueue sqsQueue;
    private JdkWebhookSender sender;

    public WebhookComponents(Settings settings, Clock clock) {
        this.settings = settings;
        this.clients = new AwsClients(settings);
        this.clock = clock;
    }

    public static WebhookComponents fromEnvironment() {
        return new WebhookComponents(Settings.fromEnvironment(), Clock.systemUTC());
    }

    public WebhookRegistrationService registration() {
        return new WebhookRegistrationService(endpoints(), urlPolicy(), ReceiverUrlPolicy.HostResolver.SYSTEM, random,
                clock);
    }

    public WebhookFanOutService fanOut() {
        return new WebhookFanOutService(endpoints(), deliveries(), queue(), clock);
    }

    /** Attempts, replays and the delivery log; the queue and the HTTP client are built on first use. */
    public WebhookDeliveryService delivery() {
        RetrySchedule schedule = settings.optional("WEBHOOK_RETRY_SCHEDULE_SECONDS").map(RetrySchedule::parse)
                .orElse(RetrySchedule.DEFAULT);
        WebhookSender sender = (url, headers, body) -> sender().post(url, headers, body);
        return new WebhookDeliveryService(endpoints(), deliveries(), queue(), sender, urlPolicy(),
                ReceiverUrlPolicy.HostResolver.SYSTEM, schedule, registration(), clock);
    }

    private ReceiverUrlPolicy urlPolicy() {
        return ReceiverUrlPolicy.ofSetting(settings.get("WEBHOOK_URL_POLICY", "public-only"));
    }

    private DynamoWebhookEndpointRepository endpoints() {
        return new DynamoWebhookEndpointRepository(dynamoDb(), settings.required("ORDERS_TABLE"));
    }

    private DynamoWebhookDeliveryRepository deliveries() {
        return new DynamoWebhookDeliveryRepository(dynamoDb(), settings.required("ORDERS_TABLE"));
    }

    /** Only functions that wake deliveries have {@code WEBHOOK_DELIVERIES_QUEUE_URL}; it is read at the first wake-up. */
    private DeliveryQueue queue() {
        return (delivery, delay) -> sqsQueue().wake(delivery, delay);
    }

    private synchronized SqsDeliveryQueue sqsQueue() {
        if (sqsQueue == null) {
            sqsQueue = new SqsDeliveryQueue(clients.sqs(), settings.required("WEBHOOK_DELIVERIES_QUEUE_URL"));
        }
        return sqsQueue;
    }

    private synchronized JdkWebhookSender sender() {
        if (sender == null) {
            sender = new JdkWebhookSender(JdkWebhookSender.TIMEOUT);
        }
        return sender;
    }

    private synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = clients.dynamoDb();
        }
        return dynamoDb;
    }
}

package com.ordertracking.shared.adapters.messaging.sellerwebhook;

import com.ordertracking.shared.application.sellerwebhook.DeliveryQueue;
import com.ordertracking.shared.adapters.json.Json;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Wake-ups on {@code WebhookDeliveriesQueue}: the delivery's address as JSON, delayed with {@code DelaySeconds}. */
public final class SqsDeliveryQueue implements DeliveryQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsDeliveryQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void wake(DeliveryRef delivery, Duration delay) {
        int seconds = (int) Math.max(0, Math.min(MAX_DELAY.toSeconds(), delay.toSeconds()));
        sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(Json.write(delivery)).delaySeconds(seconds));
    }

    /** Reads a wake-up message body. */
    public static DeliveryRef read(String body) {
        DeliveryRef ref = Json.read(body, DeliveryRef.class);
        if (ref.sellerId() == null || ref.webhookId() == null || ref.deliveryId() == null) {
            throw new IllegalArgumentException("A delivery wake-up needs sellerId, webhookId and deliveryId: " + body);
        }
        return ref;
    }
}

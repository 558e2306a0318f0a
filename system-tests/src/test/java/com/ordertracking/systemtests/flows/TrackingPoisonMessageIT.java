package com.ordertracking.systemtests.flows;

import static com.ordertracking.systemtests.driver.Webhooks.carrierEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.systemtests.driver.InProcessApi;
import com.ordertracking.systemtests.driver.QueueDriver;
import com.ordertracking.systemtests.driver.Seller;
import com.ordertracking.systemtests.driver.TestData;
import com.ordertracking.systemtests.driver.TrackingPipeline;
import com.ordertracking.systemtests.driver.Webhooks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A message the processor can never read must end in the dead-letter queue through the queue's own
 * RedrivePolicy (maxReceiveCount 5 in template.yaml), while the good messages of its batch are
 * applied exactly once.
 */
@ExtendWith(LocalCloudExtension.class)
class TrackingPoisonMessageIT {
    private final LocalCloud cloud;
    private final InProcessApi api;
    private final Seller seller;
    private final Webhooks carriers;
    private final TrackingPipeline tracking;

    TrackingPoisonMessageIT(LocalCloud cloud) {
        this.cloud = cloud;
        this.api = new InProcessApi(cloud);
        this.seller = Seller.fresh(api);
        this.carriers = new Webhooks(api);
        this.tracking = new TrackingPipeline(api);
    }

    @Test
    void a_poison_message_is_dead_lettered_after_redrives_and_the_rest_of_its_batch_is_applied_once() {
        // GIVEN three shipped orders, a scan for each on the queue, and one unparseable message among them
        String poison = "not json " + UUID.randomUUID();
        List<String> orders = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        Instant at = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            String number = TestData.trackingNumber();
            numbers.add(number);
            orders.add(seller.shippedOrder("ups", number));
        }
        tracking.queue().send(poison);
        for (int i = 0; i < 3; i++) {
            carriers.carrier("ups", carrierEvent("p-" + UUID.randomUUID(), numbers.get(i), "OUT_FOR_DELIVERY", at.toString()));
        }

        // WHEN the processor keeps receiving (failures become visible again at once) until SQS dead-letters the poison
        QueueDriver dlq = new QueueDriver(cloud.sqs(), cloud.physicalName("TrackingEventsDeadLetterQueue"));
        List<Message> deadLettered = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            tracking.pumpOnce();
            cloud.sqs().receiveMessage(r -> r.queueUrl(dlq.url()).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages().forEach(deadLettered::add);
            assertThat(deadLettered).extracting(Message::body).contains(poison);
        });

        // THEN the good events were applied exactly once each, the main queue holds nothing more, and the DLQ has the poison
        for (String orderId : orders) {
            assertThat(seller.order(orderId).get("status").asText()).isEqualTo("OUT_FOR_DELIVERY");
            assertThat(seller.checkpoints(orderId)).hasSize(1);
        }
        assertThat(tracking.runProcessor()).doesNotContain(poison);
        assertThat(deadLettered).extracting(Message::body).containsOnlyOnce(poison);
        deadLettered.forEach(m -> cloud.sqs().deleteMessage(d -> d.queueUrl(dlq.url()).receiptHandle(m.receiptHandle())));
    }

    @Test
    void a_well_formed_but_incomplete_event_is_poison_too() {
        // GIVEN an event without a tracking number (never produced by our intake, but the queue does not know that)
        String incomplete = Json.write(java.util.Map.of("source", "ups", "eventId", "x-" + UUID.randomUUID()));

        // WHEN it is processed
        tracking.queue().send(incomplete);
        QueueDriver.Round round = tracking.pumpOnce();

        // THEN it is reported as a batch item failure (so it is retried and then dead-lettered, not dropped)
        assertThat(round.received()).extracting(Message::body).contains(incomplete);
        assertThat(round.failedIds()).hasSize(1);
        // clean up: let it go to the DLQ the way the poison above did
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> tracking.pumpOnce().received().isEmpty());
    }
}

package com.ordertracking.shared.adapters.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ordertracking.shared.application.tracking.EnqueueFailedException;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * How the queue answers SQS's partial batch failures (which a healthy local queue never produces, hence a
 * scripted client here; the happy path runs against the real embedded SQS in the webhook and flow ITs).
 */
class TrackingQueueTest {

    /** Accepts every entry except those it is told to refuse, each the given number of times. */
    private static final class FlakySqs implements SqsClient {
        final List<SendMessageBatchRequest> requests = new ArrayList<>();
        final Set<String> accepted = new HashSet<>();
        final int refusalsPerBody;
        final boolean senderFault;
        final java.util.Map<String, Integer> refused = new java.util.HashMap<>();
        final java.util.function.Predicate<String> refuses;

        FlakySqs(java.util.function.Predicate<String> refuses, int refusalsPerBody, boolean senderFault) {
            this.refuses = refuses;
            this.refusalsPerBody = refusalsPerBody;
            this.senderFault = senderFault;
        }

        @Override
        public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
            requests.add(request);
            assertThat(request.entries()).hasSizeLessThanOrEqualTo(10);
            SendMessageBatchResponse.Builder response = SendMessageBatchResponse.builder();
            List<SendMessageBatchResultEntry> ok = new ArrayList<>();
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            for (SendMessageBatchRequestEntry entry : request.entries()) {
                int times = refused.getOrDefault(entry.messageBody(), 0);
                if (refuses.test(entry.messageBody()) && times < refusalsPerBody) {
                    refused.put(entry.messageBody(), times + 1);
                    failed.add(BatchResultErrorEntry.builder().id(entry.id()).code("InternalError")
                            .message("try again").senderFault(senderFault).build());
                } else {
                    accepted.add(entry.messageBody());
                    ok.add(SendMessageBatchResultEntry.builder().id(entry.id()).messageId("m").build());
                }
            }
            return response.successful(ok).failed(failed).build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    }

    private static List<TrackingEvent> events(int count) {
        return IntStream.range(0, count).mapToObj(i -> new TrackingEvent("aftership", "cp-" + i, "usps", "TN1234",
                ShipmentStatus.IN_TRANSIT, "InTransit", null, Instant.parse("2026-11-24T00:00:00Z").plusSeconds(i),
                null, null, null)).toList();
    }

    @Test
    void events_go_in_batches_of_ten_and_refused_entries_are_sent_again_until_accepted() {
        FlakySqs sqs = new FlakySqs(body -> body.contains("\"cp-3\"") || body.contains("\"cp-17\""), 2, false);

        new TrackingQueue(sqs, "queue").sendAll(events(23));

        assertThat(sqs.accepted).hasSize(23);
        // 3 batches, and two retries of the first two (each retry carries only what was refused)
        assertThat(sqs.requests).extracting(r -> r.entries().size()).containsExactly(10, 1, 1, 10, 1, 1, 3);
    }

    @Test
    void entries_still_refused_after_the_retries_fail_the_whole_send() {
        FlakySqs sqs = new FlakySqs(body -> body.contains("\"cp-12\""), Integer.MAX_VALUE, false);

        assertThatThrownBy(() -> new TrackingQueue(sqs, "queue").sendAll(events(15)))
                .isInstanceOf(EnqueueFailedException.class)
                .hasMessageContaining("1 of 15")
                .hasMessageContaining("InternalError");
        assertThat(sqs.requests).hasSize(1 + TrackingQueue.MAX_ATTEMPTS);
    }

    @Test
    void entries_refused_as_the_sender_s_fault_are_not_retried() {
        FlakySqs sqs = new FlakySqs(body -> body.contains("\"cp-1\""), Integer.MAX_VALUE, true);

        assertThatThrownBy(() -> new TrackingQueue(sqs, "queue").sendAll(events(2)))
                .isInstanceOf(EnqueueFailedException.class);
        assertThat(sqs.requests).hasSize(1);
    }
}

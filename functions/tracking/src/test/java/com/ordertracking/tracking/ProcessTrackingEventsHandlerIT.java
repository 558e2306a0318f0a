package com.ordertracking.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/** The sample SQS events of events/tracking/ through the handler, as {@code sam local invoke} would run them. */
@ExtendWith(LocalCloudExtension.class)
class ProcessTrackingEventsHandlerIT {
    private final ProcessTrackingEventsHandler processor;

    ProcessTrackingEventsHandlerIT(LocalCloud cloud) {
        this.processor = cloud.instantiate("ProcessTrackingEventsFunction", ProcessTrackingEventsHandler::new);
    }

    @ParameterizedTest
    @Event(value = "events/tracking/tracking-events-with-poison.json", type = SQSEvent.class)
    void only_the_unparseable_message_of_a_batch_is_reported_as_failed(SQSEvent event) {
        // GIVEN the sample batch for a number of this run (the good event parks: no order has it yet)
        String number = "1Z" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        event.getRecords().getFirst().setBody(event.getRecords().getFirst().getBody()
                .replace("1Z999AA10123456784", number).replace("ups-evt-0001", "sample-" + UUID.randomUUID()));

        // WHEN the processor handles it
        SQSBatchResponse response = processor.handleRequest(event, null);

        // THEN only the poison message is a batch item failure
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(event.getRecords().get(1).getMessageId());
    }
}

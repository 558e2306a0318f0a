package com.ordertracking.shared.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream entry point Lambda calls: raw event bytes in, the typed method's result as JSON bytes out. */
class EventStreamHandlerTest {

    /** Fails every message whose body is not JSON; remembers what it was given. */
    static final class FailingOddBodies extends EventStreamHandler<SQSEvent, SQSBatchResponse> {
        final List<SQSEvent> seen = new ArrayList<>();

        FailingOddBodies() {
            super(SQSEvent.class);
        }

        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            seen.add(event);
            return SQSBatchResponse.builder().withBatchItemFailures(event.getRecords().stream()
                    .filter(m -> !m.getBody().startsWith("{"))
                    .map(m -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build())
                    .toList()).build();
        }
    }

    @Test
    void the_stream_method_reads_the_event_and_writes_the_typed_result() throws IOException {
        byte[] event = Files.readAllBytes(Path.of("").toAbsolutePath().getParent()
                .resolve("events/tracking/tracking-events-with-poison.json"));
        FailingOddBodies handler = new FailingOddBodies();
        ByteArrayOutputStream response = new ByteArrayOutputStream();

        handler.handleRequest(new ByteArrayInputStream(event), response, null);

        SQSEvent read = handler.seen.getFirst();
        assertThat(read.getRecords()).hasSizeGreaterThan(1);
        assertThat(read.getRecords()).allSatisfy(m -> assertThat(m.getEventSourceArn()).startsWith("arn:aws:sqs:"));
        List<String> poison = read.getRecords().stream().filter(m -> !m.getBody().startsWith("{"))
                .map(SQSEvent.SQSMessage::getMessageId).toList();
        assertThat(poison).isNotEmpty();
        assertThat(new ObjectMapper().readTree(response.toByteArray()).path("batchItemFailures")
                .findValuesAsText("itemIdentifier")).isEqualTo(poison);
    }
}

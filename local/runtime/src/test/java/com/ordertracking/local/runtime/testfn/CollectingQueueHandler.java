package com.ordertracking.local.runtime.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Test function for an SQS mapping: records bodies, reports a body "poison" as a failed item. */
public class CollectingQueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    public static final Queue<String> PROCESSED = new ConcurrentLinkedQueue<>();
    public static final Queue<String> FAILED = new ConcurrentLinkedQueue<>();

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            if (message.getBody().startsWith("poison")) {
                FAILED.add(message.getBody());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } else {
                PROCESSED.add(message.getBody());
            }
        }
        return new SQSBatchResponse(failures);
    }
}

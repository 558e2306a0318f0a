package com.ordertracking.local.runtime.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ordertracking.shared.adapters.lambda.EventStreamHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Like every function's handler: a RequestStreamHandler (for AWS) over a typed RequestHandler; remembers its events. */
public class StreamAndTypedHandler extends EventStreamHandler<SQSEvent, SQSBatchResponse> {
    public static final Map<String, SQSEvent> SEEN = new ConcurrentHashMap<>();

    public StreamAndTypedHandler() {
        super(SQSEvent.class);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        SEEN.put(event.getRecords().getFirst().getMessageId(), event);
        return SQSBatchResponse.builder().withBatchItemFailures(List.of()).build();
    }
}

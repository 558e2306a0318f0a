package com.ordertracking.local.runtime.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Test function for a DynamoDB stream mapping: records "EVENT_NAME:id" per record. */
public class CollectingStreamHandler implements RequestHandler<DynamodbEvent, Void> {
    public static final Queue<String> RECORDS = new ConcurrentLinkedQueue<>();

    @Override
    public Void handleRequest(DynamodbEvent event, Context context) {
        event.getRecords().forEach(r -> RECORDS.add(r.getEventName() + ":" + r.getDynamodb().getKeys().get("id").getS()));
        return null;
    }
}

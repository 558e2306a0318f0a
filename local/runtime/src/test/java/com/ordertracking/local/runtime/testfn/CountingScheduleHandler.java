package com.ordertracking.local.runtime.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Test function for a schedule: counts runs and answers with the event's detail type. */
public class CountingScheduleHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    public static final AtomicInteger RUNS = new AtomicInteger();

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return Map.of("runs", RUNS.incrementAndGet(), "detailType", event.getDetailType());
    }
}

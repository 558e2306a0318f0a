package com.ordertracking.delays;

import com.ordertracking.shared.adapters.lambda.EventStreamHandler;
import com.ordertracking.shared.adapters.logging.FunctionLog;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.tracking.DelayMonitor;
import com.ordertracking.shared.wiring.Components;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code DelayMonitorFunction}, every 15 minutes: flags shipments past their estimate or silent too
 * long (docs/delays.md). Returns and logs what the run read and flagged.
 */
public final class DetectDelaysHandler extends EventStreamHandler<ScheduledEvent, DelayMonitor.Summary> {
    /** Left for the last order and the log line; the rest stays due for the next run. */
    static final long SAFETY_MARGIN_MILLIS = 5_000;

    private final DelayMonitor monitor;

    public DetectDelaysHandler() {
        this(Components.fromEnvironment().delayMonitor());
    }

    public DetectDelaysHandler(DelayMonitor monitor) {
        super(ScheduledEvent.class);
        this.monitor = monitor;
    }

    @Override
    public DelayMonitor.Summary handleRequest(ScheduledEvent event, Context context) {
        DelayMonitor.Summary summary = monitor.run(
                () -> context == null || context.getRemainingTimeInMillis() > SAFETY_MARGIN_MILLIS);
        FunctionLog.of(context).info("delay monitor run", "now", summary.now(), "dueItemsRead", summary.dueItemsRead(),
                "ordersRead", summary.ordersRead(), "consumedReadUnits", summary.readUnits(),
                "flagged", summary.flagged(), "notDue", summary.notDue(), "deferred", summary.deferred());
        return summary;
    }
}

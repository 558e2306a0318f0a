package com.ordertracking.shared.application.tracking;

import com.ordertracking.shared.domain.tracking.TrackingEvent;
import java.util.List;

/** The tracking-events queue the processor consumes. */
public interface TrackingEventQueue {
    void send(TrackingEvent event);

    /**
     * Sends every event; returns only when each one is durably queued. Throws {@link EnqueueFailedException} when
     * some were not accepted after retries (some others may be queued: the caller resends them all, which is
     * harmless because the processor treats each event id once).
     */
    void sendAll(List<TrackingEvent> events);
}

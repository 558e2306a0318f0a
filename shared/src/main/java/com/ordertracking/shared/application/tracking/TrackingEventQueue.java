package com.ordertracking.shared.application.tracking;

import com.ordertracking.shared.domain.tracking.TrackingEvent;
import java.util.List;

/** The tracking-events queue the processor consumes. */
public interface TrackingEventQueue {
    void send(TrackingEvent event);

    /** Sends every event; throws when any was not accepted (the caller keeps them and retries). */
    void sendAll(List<TrackingEvent> events);
}

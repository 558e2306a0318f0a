package com.ordertracking.shared.application.tracking;


import com.ordertracking.shared.application.order.ParkedTrackingEvents;
import com.ordertracking.shared.application.tracking.TrackingRepository.ParkedEvent;
import java.util.List;

/**
 * Releases events parked for a tracking number once it is registered: they go back on the
 * tracking-events queue (so the processor stays the one place that applies events, with its
 * idempotency, ordering, retries and DLQ) and only then are deleted. A crash in between leaves them
 * parked, to be released again (by the next carrier event for the number, or an idempotent ship
 * retry); re-enqueueing twice is harmless because applying is idempotent.
 */
public final class ParkedEvents implements ParkedTrackingEvents {
    private final TrackingRepository tracking;
    private final TrackingEventQueue queue;

    public ParkedEvents(TrackingRepository tracking, TrackingEventQueue queue) {
        this.tracking = tracking;
        this.queue = queue;
    }

    /** How many events were released. */
    @Override
    public int release(String carrier, String trackingNumber) {
        List<ParkedEvent> parked = tracking.parked(carrier, trackingNumber);
        if (parked.isEmpty()) {
            return 0;
        }
        queue.sendAll(parked.stream().map(ParkedEvent::event).toList());
        parked.forEach(p -> tracking.deleteParked(carrier, trackingNumber, p.sortKey()));
        return parked.size();
    }
}

package com.ordertracking.shared.application.tracking;

import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tracking processor's storage: tracking registrations, applied-event records and parked events. */
public interface TrackingRepository {

    /** The order a carrier + tracking number is registered to. */
    Optional<String> orderIdFor(String carrier, String trackingNumber);

    /**
     * What a carrier + number tracks: the return shipment of the order's return {@code returnId}; else a package of
     * an order ({@code packageId} set); else the one embedded shipment of an order stored before packages existed.
     */
    record Registration(String orderId, String packageId, String returnId) {
    }

    default Optional<Registration> registration(String carrier, String trackingNumber) {
        return orderIdFor(carrier, trackingNumber).map(orderId -> new Registration(orderId, null, null));
    }

    /** A carrier + tracking number. */
    record Number(String carrier, String trackingNumber) {
    }

    /**
     * The registrations of many numbers at once, keyed by {@link BatchLookups#numberKey} (every number present;
     * empty when unregistered); strongly consistent, like {@link #registration}.
     */
    default Map<String, Optional<Registration>> registrations(List<Number> numbers) {
        Map<String, Optional<Registration>> found = new HashMap<>();
        numbers.forEach(n -> found.put(BatchLookups.numberKey(n.carrier(), n.trackingNumber()),
                registration(n.carrier(), n.trackingNumber())));
        return found;
    }

    /** What a write consumed, in capacity units: total, the table's and each index's (for capacity planning). */
    record WriteCost(double capacityUnits, Double tableUnits, Map<String, Double> indexUnits) {
        public WriteCost {
            indexUnits = Map.copyOf(indexUnits);
        }
    }

    /** What applying an event did. */
    sealed interface ApplyResult {
        /** Stored; {@code cost} is what the transaction consumed, when the store reports it (else null). */
        record Applied(WriteCost cost) implements ApplyResult {
        }

        /** This event (source + id) was applied before: nothing changed. */
        record Duplicate() implements ApplyResult {
        }

        /** The order changed since it was read: re-read and re-apply. */
        record VersionConflict() implements ApplyResult {
        }
    }

    /**
     * One atomic write: the order (conditional on the version it was computed from), its new checkpoint,
     * {@code more} timeline entries (a delay flag) and the applied-event record (both conditional on not
     * existing yet).
     */
    ApplyResult apply(Order order, TimelineEntry checkpoint, List<TimelineEntry> more, TrackingEvent event);

    /** As {@link #apply(Order, TimelineEntry, List, TrackingEvent)} without further entries. */
    default ApplyResult apply(Order order, TimelineEntry checkpoint, TrackingEvent event) {
        return apply(order, checkpoint, List.of(), event);
    }

    /** What parking an event did. */
    enum ParkResult {
        /** Stored for later. */
        PARKED,
        /** The number was registered meanwhile: apply the event instead. */
        REGISTERED
    }

    /** Keeps an event for a number no order has yet, unless the number got registered meanwhile. */
    ParkResult park(TrackingEvent event);

    /** An event parked under a number, with the key to delete it by. */
    record ParkedEvent(String sortKey, TrackingEvent event) {
    }

    List<ParkedEvent> parked(String carrier, String trackingNumber);

    void deleteParked(String carrier, String trackingNumber, String sortKey);
}

package com.ordertracking.shared.application.tracking;

import com.ordertracking.shared.application.Backoff;
import com.ordertracking.shared.application.order.OrderRepository;
import com.ordertracking.shared.application.tracking.TrackingRepository.ApplyResult;
import com.ordertracking.shared.application.tracking.TrackingRepository.Registration;
import com.ordertracking.shared.application.tracking.TrackingRepository.WriteCost;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.tracking.DelayRules;
import com.ordertracking.shared.domain.tracking.ShipmentProgress;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Applies one tracking event: find the order by carrier + number (or park the event), apply
 * {@link ShipmentProgress}, store order + checkpoint + applied-event record in one transaction, and
 * re-read and re-apply when another writer got there first.
 */
public final class TrackingProcessor {
    /** Contention on one order is rare and short; past this the message is retried by SQS. */
    static final int MAX_ATTEMPTS = 8;

    private final OrderRepository orders;
    private final TrackingRepository tracking;
    private final ParkedEvents parked;
    private final Clock clock;
    private final DelayRules delayRules;
    private final ReturnShipmentTracking returnShipments;

    public TrackingProcessor(OrderRepository orders, TrackingRepository tracking, ParkedEvents parked, Clock clock,
            DelayRules delayRules, ReturnShipmentTracking returnShipments) {
        this.orders = orders;
        this.tracking = tracking;
        this.parked = parked;
        this.clock = clock;
        this.delayRules = delayRules;
        this.returnShipments = returnShipments;
    }

    /** What happened to an event. */
    public sealed interface Outcome {
        record Applied(String orderId, Order order, WriteCost capacity) implements Outcome {
        }

        record Duplicate(String orderId) implements Outcome {
        }

        /** No order has this number yet: kept until one does (30 days). */
        record Parked() implements Outcome {
        }
    }

    public Outcome process(TrackingEvent event) {
        requireComplete(event);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Registration> registration = tracking.registration(event.carrier(), event.trackingNumber());
            if (registration.isPresent() && registration.get().returnId() != null) {
                // The dispatch point for returns: a return shipment's scans are applied apart from order shipments.
                return returnShipments.process(event, registration.get().orderId(), registration.get().returnId());
            }
            Optional<String> orderId = registration.map(Registration::orderId);
            if (orderId.isEmpty()) {
                if (tracking.park(event) == TrackingRepository.ParkResult.PARKED) {
                    return new Outcome.Parked();
                }
                continue; // registered meanwhile: apply it
            }
            Order order = orders.find(orderId.get()).orElseThrow(() -> new IllegalStateException(
                    "Tracking number " + event.trackingNumber() + " is registered to missing order " + orderId.get()));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            ShipmentProgress.Applied applied = ShipmentProgress.apply(order, event, now);
            // Delivery clears a delay flag, a new estimate revises it or (pushed back > 1 day) raises one:
            // in the same version step and transaction as the checkpoint.
            DelayRules.Revised revised = delayRules.afterTrackingUpdate(order, applied.order(), now);
            switch (tracking.apply(revised.order(), applied.checkpoint(), revised.entries(), event)) {
                case ApplyResult.Applied(WriteCost capacity) -> {
                    // Safety net: events parked while a ship was committing, or left by an interrupted release.
                    parked.release(event.carrier(), event.trackingNumber());
                    return new Outcome.Applied(order.orderId(), revised.order(), capacity);
                }
                case ApplyResult.Duplicate() -> {
                    return new Outcome.Duplicate(order.orderId());
                }
                case ApplyResult.VersionConflict() -> Backoff.pause(attempt); // then re-read and re-apply
            }
        }
        throw new IllegalStateException("Order for " + event.key() + " kept changing; giving up after "
                + MAX_ATTEMPTS + " attempts (SQS will redeliver)");
    }

    /** An event missing a key field cannot be applied, now or later: a poison message. */
    static void requireComplete(TrackingEvent event) {
        if (event.source() == null || event.eventId() == null || event.carrier() == null
                || event.trackingNumber() == null || event.status() == null || event.occurredAt() == null) {
            throw new IllegalArgumentException("Incomplete tracking event " + event);
        }
    }
}

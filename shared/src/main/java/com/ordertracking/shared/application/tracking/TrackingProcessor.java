package com.ordertracking.shared.application.tracking;

import com.ordertracking.shared.application.Backoff;
import com.ordertracking.shared.application.order.OrderRepository;
import com.ordertracking.shared.application.order.PackageRepository;
import com.ordertracking.shared.application.order.PackageRepository.TrackingWrite;
import com.ordertracking.shared.application.tracking.TrackingRepository.ApplyResult;
import com.ordertracking.shared.application.tracking.TrackingRepository.Registration;
import com.ordertracking.shared.application.tracking.TrackingRepository.WriteCost;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderPackage;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.domain.tracking.OrderFulfilment;
import com.ordertracking.shared.domain.tracking.DelayRules;
import com.ordertracking.shared.domain.tracking.ShipmentProgress;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one tracking event: find what the carrier + number is registered to (or park the event), apply
 * {@link ShipmentProgress}, store, and re-read and re-apply when another writer got there first.
 * <ul>
 *   <li>a <b>package</b> (every order shipped since issue 11): the package item and the checkpoint, and the order
 *       item only when its status, package summaries or delay flag change ({@link OrderFulfilment}); a duplicate is
 *       recognised by reading the checkpoint's key (for a whole SQS batch at once: {@link #lookUp}), so it writes
 *       nothing; order and package are read together;</li>
 *   <li>the <b>embedded shipment</b> of an order stored before packages existed: order + checkpoint + applied-event
 *       record in one transaction, as before.</li>
 * </ul>
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

    private final PackageRepository packages;

    public TrackingProcessor(OrderRepository orders, PackageRepository packages, TrackingRepository tracking,
            ParkedEvents parked, Clock clock, DelayRules delayRules, ReturnShipmentTracking returnShipments) {
        this.orders = orders;
        this.packages = packages;
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
        return process(event, BatchLookups.none());
    }

    /**
     * The registrations of a batch's numbers and the existence of their package checkpoints, in two batch reads
     * (instead of two reads per message). A checkpoint that two messages of the batch share is left out: the first
     * may apply it before the second runs, so the second reads for itself.
     */
    public BatchLookups lookUp(List<TrackingEvent> events) {
        Map<String, Optional<Registration>> registrations = tracking.registrations(events.stream()
                .map(e -> new TrackingRepository.Number(e.carrier(), e.trackingNumber())).distinct().toList());
        Map<String, List<TimelineEntry>> checkpointsByOrder = new LinkedHashMap<>();
        Map<String, Integer> copies = new HashMap<>();
        for (TrackingEvent event : events) {
            Optional<Registration> registration = registrations.getOrDefault(
                    BatchLookups.numberKey(event.carrier(), event.trackingNumber()), Optional.empty());
            if (registration.isPresent() && registration.get().packageId() != null
                    && registration.get().returnId() == null) {
                TimelineEntry checkpoint = ShipmentProgress.checkpoint(event).forPackage(registration.get().packageId());
                String orderId = registration.get().orderId();
                if (copies.merge(BatchLookups.checkpointKey(orderId, checkpoint), 1, Integer::sum) == 1) {
                    checkpointsByOrder.computeIfAbsent(orderId, id -> new ArrayList<>()).add(checkpoint);
                }
            }
        }
        Map<String, Set<TimelineEntry>> existing = packages.existingEntries(checkpointsByOrder);
        Map<String, Boolean> checkpoints = new HashMap<>();
        checkpointsByOrder.forEach((orderId, entries) -> entries.forEach(entry -> {
            String key = BatchLookups.checkpointKey(orderId, entry);
            if (copies.get(key) == 1) {
                checkpoints.put(key, existing.getOrDefault(orderId, Set.of()).contains(entry));
            }
        }));
        return new BatchLookups(registrations, checkpoints);
    }

    /** As {@link #process(TrackingEvent)}, the first attempt answered from {@code known} where it can. */
    public Outcome process(TrackingEvent event, BatchLookups known) {
        requireComplete(event);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            BatchLookups lookups = attempt == 1 ? known : BatchLookups.none();
            Optional<Registration> registration = lookups.registration(event.carrier(), event.trackingNumber(),
                    () -> tracking.registration(event.carrier(), event.trackingNumber()));
            if (registration.isPresent() && registration.get().returnId() != null) {
                // The dispatch point for returns: a return shipment's scans are applied apart from order shipments.
                return returnShipments.process(event, registration.get().orderId(), registration.get().returnId());
            }
            if (registration.isEmpty()) {
                if (tracking.park(event) == TrackingRepository.ParkResult.PARKED) {
                    return new Outcome.Parked();
                }
                continue; // registered meanwhile: apply it
            }
            // The dispatch point: what the number tracks decides how the event is applied.
            Optional<Outcome> outcome = switch (registration.get()) {
                case Registration(String orderId, String packageId, String ignored) when packageId != null ->
                        applyToPackage(orderId, packageId, event, lookups);
                case Registration(String orderId, String noPackage, String ignored) ->
                        applyToEmbeddedShipment(orderId, event);
            };
            if (outcome.isPresent()) {
                if (outcome.get() instanceof Outcome.Applied) {
                    // Safety net: events parked while a ship was committing, or left by an interrupted release.
                    parked.release(event.carrier(), event.trackingNumber());
                }
                return outcome.get();
            }
            Backoff.pause(attempt); // someone else wrote first: re-read and re-apply
        }
        throw new IllegalStateException("Order for " + event.key() + " kept changing; giving up after "
                + MAX_ATTEMPTS + " attempts (SQS will redeliver)");
    }

    /** Empty: a version conflict (re-read and re-apply). */
    private Optional<Outcome> applyToPackage(String orderId, String packageId, TrackingEvent event,
            BatchLookups lookups) {
        TimelineEntry checkpoint = ShipmentProgress.checkpoint(event).forPackage(packageId);
        if (lookups.checkpointExists(orderId, checkpoint, () -> packages.hasEntry(orderId, checkpoint))) {
            return Optional.of(new Outcome.Duplicate(orderId));
        }
        PackageRepository.WithOrder read = packages.findWithOrder(orderId, packageId)
                .orElseThrow(() -> missing(event, orderId));
        Order order = read.order();
        OrderPackage before = read.pkg();
        Instant now = now();
        OrderPackage advanced = before.withTracking(ShipmentProgress.advance(before.shipment(), event), before.delay(),
                now);
        DelayRules.RevisedPackage revised = delayRules.afterTrackingUpdate(before, advanced, order.status(), now);
        OrderPackage after = revised.pkg();
        Optional<Order> changedOrder = OrderFulfilment.afterPackageChange(order, after, now);
        return switch (packages.applyTracking(before, after, order, changedOrder, checkpoint, revised.entries())) {
            case TrackingWrite.Applied(double units, Map<String, Double> byPart) -> Optional.of(new Outcome.Applied(
                    orderId, changedOrder.orElse(order), new WriteCost(units, byPart.get("table"), indexes(byPart))));
            case TrackingWrite.Duplicate() -> Optional.of(new Outcome.Duplicate(orderId));
            case TrackingWrite.VersionConflict() -> Optional.empty();
        };
    }

    /** An order stored before packages existed: its one embedded shipment, as before issue 11. */
    private Optional<Outcome> applyToEmbeddedShipment(String orderId, TrackingEvent event) {
        Order order = orders.find(orderId).orElseThrow(() -> missing(event, orderId));
        Instant now = now();
        ShipmentProgress.Applied applied = ShipmentProgress.apply(order, event, now);
        // Delivery clears a delay flag, a new estimate revises it or (pushed back > 1 day) raises one:
        // in the same version step and transaction as the checkpoint.
        DelayRules.Revised revised = delayRules.afterTrackingUpdate(order, applied.order(), now);
        return switch (tracking.apply(revised.order(), applied.checkpoint(), revised.entries(), event)) {
            case ApplyResult.Applied(WriteCost capacity) ->
                    Optional.of(new Outcome.Applied(order.orderId(), revised.order(), capacity));
            case ApplyResult.Duplicate() -> Optional.of(new Outcome.Duplicate(order.orderId()));
            case ApplyResult.VersionConflict() -> Optional.empty();
        };
    }

    private static Map<String, Double> indexes(Map<String, Double> byPart) {
        Map<String, Double> indexes = new java.util.LinkedHashMap<>(byPart);
        indexes.remove("total");
        indexes.remove("table");
        return indexes;
    }

    private static IllegalStateException missing(TrackingEvent event, String orderId) {
        return new IllegalStateException("Tracking number " + event.trackingNumber()
                + " is registered to missing order or package of " + orderId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** An event missing a key field cannot be applied, now or later: a poison message. */
    static void requireComplete(TrackingEvent event) {
        if (!isComplete(event)) {
            throw new IllegalArgumentException("Incomplete tracking event " + event);
        }
    }

    /** Whether every key field is there (else {@link #process} rejects the event). */
    public static boolean isComplete(TrackingEvent event) {
        return event.source() != null && event.eventId() != null && event.carrier() != null
                && event.trackingNumber() != null && event.status() != null && event.occurredAt() != null;
    }
}

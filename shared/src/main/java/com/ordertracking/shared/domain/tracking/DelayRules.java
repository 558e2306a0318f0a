package com.ordertracking.shared.domain.tracking;

import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderPackage;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a shipment is late (docs/delays.md). Pure, so the rules are unit- and property-tested; the
 * repository stores {@link #dueAt} in the {@code ByDueTime} index on every write and the delay
 * monitor applies {@link #check} to what the index returns.
 *
 * <p>A shipment is <b>watched</b> while the order is SHIPPED, IN_TRANSIT or OUT_FOR_DELIVERY and the
 * carrier has not reported it delivered or returned to sender. It has two triggers:
 * <ul>
 *   <li>the <b>estimate</b>: its estimated delivery time;</li>
 *   <li><b>silence</b>: the newest carrier scan's time (or the shipping, before any scan) plus {@code silenceLimit}.</li>
 * </ul>
 * A trigger at or before the current flag's {@code detectedAt} has been reported already ("covered"), so
 * each delay is flagged once: flagging moves the due time to the next uncovered trigger, or out of the
 * index until something changes (a new scan, a new estimate).
 *
 * @param silenceLimit      how long a carrier may say nothing ({@code CARRIER_SILENCE_HOURS}, default 72)
 * @param pushBackThreshold how much later a new carrier estimate must be to count as a delay (1 day)
 */
public record DelayRules(Duration silenceLimit, Duration pushBackThreshold) {
    public static final Duration DEFAULT_SILENCE_LIMIT = Duration.ofHours(72);
    public static final Duration DEFAULT_PUSH_BACK_THRESHOLD = Duration.ofHours(24);
    public static final DelayRules DEFAULT = new DelayRules(DEFAULT_SILENCE_LIMIT, DEFAULT_PUSH_BACK_THRESHOLD);
    public static final String SILENCE_HOURS_VARIABLE = "CARRIER_SILENCE_HOURS";

    public DelayRules {
        if (silenceLimit.isNegative() || silenceLimit.isZero() || pushBackThreshold.isNegative()) {
            throw new IllegalArgumentException("Delay limits must be positive");
        }
    }

    /** From {@code CARRIER_SILENCE_HOURS} (every function gets it from the template's Globals). */
    public static DelayRules from(Map<String, String> environment) {
        String hours = Optional.ofNullable(environment.get(SILENCE_HOURS_VARIABLE)).filter(v -> !v.isBlank())
                .orElse(Long.toString(DEFAULT_SILENCE_LIMIT.toHours()));
        try {
            return new DelayRules(Duration.ofHours(Long.parseLong(hours.strip())), DEFAULT_PUSH_BACK_THRESHOLD);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(SILENCE_HOURS_VARIABLE + " must be a positive whole number of hours, was '"
                    + hours + "'", e);
        }
    }

    /** Whether the delay monitor looks after this order at all. */
    public static boolean isWatched(Order order) {
        Shipment shipment = order.shipment();
        boolean shipping = order.status() == OrderStatus.SHIPPED || order.status() == OrderStatus.IN_TRANSIT
                || order.status() == OrderStatus.OUT_FOR_DELIVERY;
        // An order shipped in packages is watched package by package (its shipment is only a summary).
        return shipping && !order.hasPackages() && underway(shipment);
    }

    /** Whether the delay monitor looks after this package: until it is delivered or returned to sender. */
    public static boolean isWatched(OrderPackage pkg) {
        return underway(pkg.shipment());
    }

    private static boolean underway(Shipment shipment) {
        return shipment != null && shipment.deliveredAt() == null
                && (shipment.status() == null || !ShipmentProgress.isTerminal(shipment.status()));
    }

    /** When the order is next due to be checked; empty = not in the {@code ByDueTime} index. */
    public Optional<Instant> dueAt(Order order) {
        return isWatched(order) ? dueAt(order.shipment(), order.delay()) : Optional.empty();
    }

    /** When the package is next due to be checked; empty = not in the {@code ByDueTime} index. */
    public Optional<Instant> dueAt(OrderPackage pkg) {
        return isWatched(pkg) ? dueAt(pkg.shipment(), pkg.delay()) : Optional.empty();
    }

    private Optional<Instant> dueAt(Shipment shipment, Delay delay) {
        Instant eta = estimateTrigger(shipment, delay);
        Instant silence = silenceTrigger(shipment, delay);
        if (eta == null || silence != null && silence.isBefore(eta)) {
            return Optional.ofNullable(silence);
        }
        return Optional.of(eta);
    }

    /**
     * The flag to raise now, if a trigger has passed that no flag covers yet: a missed estimate first
     * (the clearer message), else silence. {@code detectedAt = now} covers both triggers.
     */
    public Optional<Delay> check(Order order, Instant now) {
        return isWatched(order) ? check(order.shipment(), order.delay(), now) : Optional.empty();
    }

    /** As {@link #check(Order, Instant)} for one package of an order shipped in packages. */
    public Optional<Delay> check(OrderPackage pkg, Instant now) {
        return isWatched(pkg) ? check(pkg.shipment(), pkg.delay(), now) : Optional.empty();
    }

    private Optional<Delay> check(Shipment shipment, Delay delay, Instant now) {
        Instant eta = estimateTrigger(shipment, delay);
        if (eta != null && !eta.isAfter(now)) {
            // The estimate has passed: there is no current expectation until the carrier gives one.
            return Optional.of(new Delay(Delay.Reason.PAST_ESTIMATED_DELIVERY, now, null));
        }
        Instant silence = silenceTrigger(shipment, delay);
        if (silence != null && !silence.isAfter(now)) {
            return Optional.of(new Delay(Delay.Reason.NO_CARRIER_UPDATE, now, eta));
        }
        return Optional.empty();
    }

    /** The estimated delivery, unless the current flag already reported it as missed. */
    static Instant estimateTrigger(Order order) {
        return estimateTrigger(order.shipment(), order.delay());
    }

    private static Instant estimateTrigger(Shipment shipment, Delay delay) {
        Instant eta = shipment.estimatedDelivery();
        return eta == null || covered(delay, eta) ? null : eta;
    }

    /** Last carrier scan (or the shipping, before any) plus the silence limit, unless already reported. */
    Instant silenceTrigger(Order order) {
        return silenceTrigger(order.shipment(), order.delay());
    }

    private Instant silenceTrigger(Shipment shipment, Delay delay) {
        Instant last = lastNews(shipment);
        if (last == null) {
            return null;
        }
        Instant trigger = last.plus(silenceLimit);
        return covered(delay, trigger) ? null : trigger;
    }

    private static boolean covered(Delay delay, Instant trigger) {
        return delay != null && !delay.detectedAt().isBefore(trigger);
    }

    /** An order with its delay flag as a tracking update leaves it, and the timeline entries that records. */
    public record Revised(Order order, List<TimelineEntry> entries) {
    }

    /**
     * The delay part of applying a carrier event ({@code after} is {@code before} with the event applied,
     * one version later); the result stays in that same version step:
     * <ul>
     *   <li>delivered → the flag is cleared;</li>
     *   <li>a new estimate while flagged → the flag's {@code expectedBy} is revised;</li>
     *   <li>a new estimate more than {@code pushBackThreshold} later than the previous one, not flagged →
     *       flagged {@code ESTIMATE_PUSHED_BACK} with a DELAY timeline entry.</li>
     * </ul>
     */
    public Revised afterTrackingUpdate(Order before, Order after, Instant now) {
        Delay delay = after.delay();
        Shipment shipment = after.shipment();
        if (shipment.deliveredAt() != null || after.status() == OrderStatus.DELIVERED) {
            return new Revised(delay == null ? after : after.replacingDelay(null), List.of());
        }
        Instant previous = before.shipment().estimatedDelivery();
        Instant estimate = shipment.estimatedDelivery();
        if (estimate == null || estimate.equals(previous)) {
            return new Revised(after, List.of());
        }
        if (delay != null) {
            return new Revised(after.replacingDelay(new Delay(delay.reason(), delay.detectedAt(), estimate)), List.of());
        }
        if (previous != null && estimate.isAfter(previous.plus(pushBackThreshold))) {
            Delay flag = new Delay(Delay.Reason.ESTIMATE_PUSHED_BACK, now, estimate);
            Order flagged = after.replacingDelay(flag);
            return new Revised(flagged, List.of(entry(flagged, flag, previous)));
        }
        return new Revised(after, List.of());
    }

    /** A package with its delay flag as a tracking update leaves it, and the timeline entries that records. */
    public record RevisedPackage(OrderPackage pkg, List<TimelineEntry> entries) {
    }

    /**
     * {@link #afterTrackingUpdate(Order, Order, Instant)} for one package ({@code after} is {@code before} with the
     * event applied); {@code orderStatus} is what the DELAY entry records as the order's status.
     */
    public RevisedPackage afterTrackingUpdate(OrderPackage before, OrderPackage after, OrderStatus orderStatus,
            Instant now) {
        Delay delay = after.delay();
        Shipment shipment = after.shipment();
        if (shipment.deliveredAt() != null) {
            return new RevisedPackage(delay == null ? after : withFlag(after, null), List.of());
        }
        Instant previous = before.shipment().estimatedDelivery();
        Instant estimate = shipment.estimatedDelivery();
        if (estimate == null || estimate.equals(previous)) {
            return new RevisedPackage(after, List.of());
        }
        if (delay != null) {
            return new RevisedPackage(withFlag(after, new Delay(delay.reason(), delay.detectedAt(), estimate)), List.of());
        }
        if (previous != null && estimate.isAfter(previous.plus(pushBackThreshold))) {
            Delay flag = new Delay(Delay.Reason.ESTIMATE_PUSHED_BACK, now, estimate);
            OrderPackage flagged = withFlag(after, flag);
            return new RevisedPackage(flagged, List.of(entry(flagged, orderStatus, flag, previous)));
        }
        return new RevisedPackage(after, List.of());
    }

    /** Same version: the flag change is part of the change being made. */
    private static OrderPackage withFlag(OrderPackage pkg, Delay flag) {
        return pkg.replacingDelay(flag);
    }

    /** The DELAY timeline entry of a package's new flag (its id names the package: one flag per package and time). */
    public static TimelineEntry entry(OrderPackage flagged, OrderStatus orderStatus, Delay delay,
            Instant previousEstimate) {
        TimelineEntry entry = entry(flagged.shipment(), orderStatus, delay, previousEstimate);
        return new TimelineEntry(entry.entryId() + "-" + flagged.packageId(), entry.at(), entry.kind(), entry.status(),
                entry.shipmentStatus(), null, "Package " + flagged.number() + ": " + entry.description(), "system",
                flagged.packageId());
    }

    /** The DELAY timeline entry of a new flag; its id is unique per flag (one flag per detection time). */
    public static TimelineEntry entry(Order flagged, Delay delay, Instant previousEstimate) {
        return entry(flagged.shipment(), flagged.status(), delay, previousEstimate);
    }

    private static TimelineEntry entry(Shipment shipment, OrderStatus orderStatus, Delay delay,
            Instant previousEstimate) {
        String description = switch (delay.reason()) {
            case PAST_ESTIMATED_DELIVERY -> "Delivery delayed: the estimated delivery "
                    + shipment.estimatedDelivery() + " passed without delivery";
            case NO_CARRIER_UPDATE -> "Delivery may be delayed: no carrier update since " + lastNews(shipment);
            case ESTIMATE_PUSHED_BACK -> "Delivery delayed: the carrier moved the estimated delivery from "
                    + previousEstimate + " to " + delay.expectedBy();
        };
        return new TimelineEntry("delay-" + delay.detectedAt().toEpochMilli(), delay.detectedAt(),
                TimelineEntry.Kind.DELAY, orderStatus, shipment.status(), null, description, "system");
    }

    /**
     * The carrier's newest scan (carrier time), else the shipping. A scan older than the shipping (label
     * scanned before the seller marked it shipped) still counts: the parcel has not moved since.
     */
    private static Instant lastNews(Shipment shipment) {
        return shipment.lastEventAt() != null ? shipment.lastEventAt() : shipment.shippedAt();
    }
}

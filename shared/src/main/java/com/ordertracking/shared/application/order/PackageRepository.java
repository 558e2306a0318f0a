package com.ordertracking.shared.application.order;

import com.ordertracking.shared.application.VersionConflictException;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderPackage;
import com.ordertracking.shared.domain.TimelineEntry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Storage of packages, each its own item beside its order (docs/data-model.md). Creating or correcting a package
 * is one transaction with the order; a carrier scan writes the package and its checkpoint, and the order only
 * when something the order item holds changed.
 */
public interface PackageRepository {

    /** What applying a carrier event to a package did. */
    sealed interface TrackingWrite {
        /** Stored; what the writes consumed (write units in total, per table and index), as DynamoDB reported it. */
        record Applied(double writeUnits, Map<String, Double> unitsByPart) implements TrackingWrite {
            public Applied {
                unitsByPart = Map.copyOf(unitsByPart);
            }
        }

        /** The checkpoint exists: the event was applied before. */
        record Duplicate() implements TrackingWrite {
        }

        /** The package or the order changed since they were read: re-read and re-apply. */
        record VersionConflict() implements TrackingWrite {
        }
    }

    /** The order's packages in shipping order (one consistent Query). */
    List<OrderPackage> packages(String orderId);

    Optional<OrderPackage> find(String orderId, String packageId);

    /** A package with its order, as read together. */
    record WithOrder(Order order, OrderPackage pkg) {
    }

    /** The order and one of its packages, both strongly consistent, in one read; empty if either is missing. */
    Optional<WithOrder> findWithOrder(String orderId, String packageId);

    /**
     * Stores a new package, the order it changed (conditional on {@code order.version() - 1}), its timeline entries
     * and the registration of its carrier + number (conditional on no order having it), in one transaction.
     *
     * @throws TrackingNumberInUseException when another package already has the number
     * @throws VersionConflictException     when someone else changed the order first
     */
    void create(Order order, OrderPackage pkg, List<TimelineEntry> entries);

    /**
     * Moves a package to another carrier + number in one transaction: the package (conditional on its version),
     * the order (conditional on its version), the old registration removed and the new one registered.
     *
     * @throws TrackingNumberInUseException when another package already has the new number
     * @throws VersionConflictException     when the order or the package changed first
     */
    void correct(Order order, OrderPackage before, OrderPackage after, List<TimelineEntry> entries);

    /** Whether a timeline entry with this key exists (a read: an applied event is recognised without a write). */
    boolean hasEntry(String orderId, TimelineEntry entry);

    /**
     * {@link #hasEntry} for many entries of many orders at once (strongly consistent): per order, those of its
     * {@code entries} that exist.
     */
    default Map<String, Set<TimelineEntry>> existingEntries(Map<String, List<TimelineEntry>> entriesByOrder) {
        Map<String, Set<TimelineEntry>> found = new HashMap<>();
        entriesByOrder.forEach((orderId, entries) -> entries.stream().filter(entry -> hasEntry(orderId, entry))
                .forEach(entry -> found.computeIfAbsent(orderId, id -> new HashSet<>()).add(entry)));
        return found;
    }

    /**
     * Applies one carrier event, lean and re-runnable: the package (only when its state changed, conditional on
     * the version it was computed from), then the order (only when given, likewise), then {@code more} entries,
     * and last the checkpoint (conditional on not existing: it records that the event was applied, so a crash
     * before it means the event is applied again, which changes nothing twice).
     *
     * @param before      the package as read; {@code after} equal in state means no package write
     * @param orderBefore the order as read: only the attributes {@code orderAfter} changes are written
     */
    TrackingWrite applyTracking(OrderPackage before, OrderPackage after, Order orderBefore, Optional<Order> orderAfter,
            TimelineEntry checkpoint, List<TimelineEntry> more);

    /**
     * A package's delay flag raised (and the order's, when given), with its DELAY entry.
     *
     * @throws VersionConflictException when the package or the order changed first
     */
    void flag(OrderPackage before, OrderPackage pkg, Order orderBefore, Optional<Order> order,
            List<TimelineEntry> entries);
}

package com.ordertracking.shared.application.order;

import com.ordertracking.shared.application.ConflictException;
import com.ordertracking.shared.application.InvalidRequestException;
import com.ordertracking.shared.application.NotFoundException;
import com.ordertracking.shared.application.UnprocessableException;
import com.ordertracking.shared.application.seller.SellerProfiles;
import com.ordertracking.shared.application.seller.ShipFrom;
import com.ordertracking.shared.domain.CancellationRequest;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderPackage;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.OverPackedException;
import com.ordertracking.shared.domain.PackageSummary;
import com.ordertracking.shared.domain.PackedItem;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.domain.seller.Warehouse;
import com.ordertracking.shared.domain.tracking.OrderFulfilment;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The seller's packages (docs/order-lifecycle.md): ship some or all of an order's units in a package, correct a
 * package's carrier or number before its first scan, and read an order's packages. {@code POST /ship} is a package
 * with everything not yet packed.
 */
public final class PackageService {
    private final OrderRepository orders;
    private final PackageRepository packages;
    private final OrderAccess access;
    private final Optional<ParkedTrackingEvents> parked;
    private final ShipFrom shipFrom;
    private final Clock clock;

    public PackageService(OrderRepository orders, PackageRepository packages, Optional<ParkedTrackingEvents> parked,
            Clock clock) {
        this(orders, packages, parked, new ShipFrom(SellerProfiles.none()), clock);
    }

    /** {@code shipFrom}: the seller's warehouses; a shipped package's warehouse is copied into the order. */
    public PackageService(OrderRepository orders, PackageRepository packages, Optional<ParkedTrackingEvents> parked,
            ShipFrom shipFrom, Clock clock) {
        this.shipFrom = shipFrom;
        this.orders = orders;
        this.packages = packages;
        this.access = new OrderAccess(orders);
        this.parked = parked;
        this.clock = clock;
    }

    /**
     * A new package: carrier, number, units (null or empty = everything not yet packed), the seller's estimate, and
     * the warehouse it ships from (null = the seller's default warehouse, if the seller has a profile).
     */
    public record PackageRequest(String carrier, String trackingNumber, List<PackedItem> items,
            Instant estimatedDelivery, String warehouseId) {

        public PackageRequest(String carrier, String trackingNumber, List<PackedItem> items, Instant estimatedDelivery) {
            this(carrier, trackingNumber, items, estimatedDelivery, null);
        }
    }

    /** The order after the package, the package, and whether this was a replay of an earlier request. */
    public record Shipped(Order order, OrderPackage pkg, boolean replayed) {
    }

    /**
     * Ships a package: the order moves to PARTIALLY_SHIPPED or SHIPPED, the number is registered to the package in
     * the same transaction, then events the carrier sent before are released to the tracking processor. A repeat
     * with the same {@code Idempotency-Key}, or of the same carrier + number on this order, is a replay.
     */
    public Shipped ship(String sellerId, String orderId, PackageRequest request, String idempotencyKey,
            OptionalLong expectedVersion) {
        if (idempotencyKey != null && !OrderService.IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException("invalid-idempotency-key",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        Order order = access.sellers(sellerId, orderId);
        Optional<Shipped> replay = replay(order, request, idempotencyKey);
        if (replay.isPresent()) {
            release(request.carrier(), request.trackingNumber());
            return replay.get();
        }
        if (order.status() != OrderStatus.PROCESSED && order.status() != OrderStatus.PARTIALLY_SHIPPED) {
            throw order.status().isShippedOrLater()
                    ? new ConflictException("order-already-shipped", "Order " + orderId + " already shipped "
                            + "everything" + shippedWith(order) + "; a package's tracking number can be corrected with "
                            + "PATCH /orders/" + orderId + "/packages/{packageId} until the carrier's first scan")
                    : new ConflictException("illegal-transition", "Order " + orderId + " is " + order.status()
                            + ": only a PROCESSED or PARTIALLY_SHIPPED order can ship a package");
        }
        OrderAccess.requireVersion(order, expectedVersion);
        List<PackedItem> items;
        try {
            items = OrderFulfilment.pack(order, request.items());
        } catch (OverPackedException e) {
            throw new ConflictException("over-packed", e.getMessage());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        OrderPackage pkg = OrderPackage.shipped(orderId, order.packages().size() + 1, items, request.carrier(),
                request.trackingNumber(), request.estimatedDelivery(), now, idempotencyKey);
        Optional<Warehouse> warehouse = shipFrom.resolve(sellerId, request.warehouseId());
        // Shipping answers a buyer's pending cancellation request: rejected, in this same conditional write.
        Order moved = OrderFulfilment.withNewPackage(CancellationRequest.rejectedByShipping(order, now), pkg, now);
        // A copy of the warehouse, in the same write: later profile edits never change where this order came from.
        Order shipped = warehouse.map(moved::shippingFrom).orElse(moved);
        String description = "Package " + pkg.number() + " shipped with " + request.carrier() + ", tracking number "
                + request.trackingNumber() + warehouse.map(w -> " from " + w.name()).orElse("");
        // The first package keeps the entry id of a whole-order shipping ("shipped"): one entry per package.
        String entryId = pkg.number() == 1 ? "shipped" : "shipped-" + pkg.packageId();
        // A seller's shipping, like the whole-order ship: a STATUS_CHANGED entry (status = the order's after it).
        TimelineEntry entry = TimelineEntry.statusChanged(entryId, now, shipped.status(), description, "seller")
                .forPackage(pkg.packageId());
        try {
            OrderAccess.write(orderId, expectedVersion, () -> packages.create(shipped, pkg, List.of(entry)));
        } catch (TrackingNumberInUseException e) {
            throw new ConflictException("tracking-number-in-use", "Tracking number "
                    + request.trackingNumber() + " of " + request.carrier() + " already belongs to another package");
        }
        release(request.carrier(), request.trackingNumber());
        return new Shipped(shipped, pkg, false);
    }

    /**
     * Corrects a package's carrier and/or number until the carrier's first scan (then 409); events parked for the
     * new number are released to the processor.
     */
    public Shipped correct(String sellerId, String orderId, String packageId, String carrier, String trackingNumber,
            OptionalLong expectedVersion) {
        Order order = access.sellers(sellerId, orderId);
        OrderPackage before = packages.find(orderId, packageId)
                .orElseThrow(() -> new NotFoundException("Order " + orderId + " has no package " + packageId));
        String newCarrier = carrier == null ? before.shipment().carrier() : carrier;
        String newNumber = trackingNumber == null ? before.shipment().trackingNumber() : trackingNumber;
        if (newCarrier.equals(before.shipment().carrier()) && newNumber.equals(before.shipment().trackingNumber())) {
            return new Shipped(order, before, true);
        }
        if (before.scanned()) {
            throw new ConflictException("package-already-scanned", "Package " + packageId + " was scanned by "
                    + before.shipment().carrier() + " already: its tracking number can no longer change");
        }
        OrderAccess.requireVersion(order, expectedVersion);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        OrderPackage after = before.withCarrier(newCarrier, newNumber, now);
        Order changed = OrderFulfilment.afterPackageChange(order, after, now)
                .orElseThrow(() -> new IllegalStateException("A new number changes the package summary"));
        TimelineEntry entry = TimelineEntry.note("corrected-" + packageId + "-" + now.toEpochMilli(), now,
                changed.status(), "Package " + after.number() + " now ships with " + newCarrier + ", tracking number "
                        + newNumber + " (was " + before.shipment().carrier() + " " + before.shipment().trackingNumber()
                        + ")", "seller").forPackage(packageId);
        try {
            OrderAccess.write(orderId, expectedVersion, () -> packages.correct(changed, before, after, List.of(entry)));
        } catch (TrackingNumberInUseException e) {
            throw new ConflictException("tracking-number-in-use", "Tracking number " + newNumber + " of " + newCarrier
                    + " already belongs to another package");
        }
        release(newCarrier, newNumber);
        return new Shipped(changed, after, false);
    }

    /** The order's packages with their tracking state (the order item holds only their summaries). */
    public List<OrderPackage> packages(Order order) {
        return order.hasPackages() ? packages.packages(order.orderId()) : List.of();
    }

    private Optional<Shipped> replay(Order order, PackageRequest request, String idempotencyKey) {
        for (PackageSummary summary : order.packages()) {
            boolean sameNumber = summary.carrier().equals(request.carrier())
                    && summary.trackingNumber().equals(request.trackingNumber());
            if (sameNumber) {
                OrderPackage pkg = packages.find(order.orderId(), summary.packageId()).orElseThrow();
                if (idempotencyKey == null || Objects.equals(idempotencyKey, pkg.requestKey())) {
                    return Optional.of(new Shipped(order, pkg, true));
                }
            }
        }
        if (idempotencyKey != null) {
            for (OrderPackage pkg : packages(order)) {
                if (idempotencyKey.equals(pkg.requestKey())) {
                    throw new UnprocessableException("idempotency-key-reused", "Idempotency-Key " + idempotencyKey
                            + " was used for package " + pkg.packageId() + " with another carrier or number");
                }
            }
        }
        return Optional.empty();
    }

    private static String shippedWith(Order order) {
        if (order.hasPackages()) {
            return " in " + order.packages().size() + " package(s)";
        }
        return order.shipment() == null ? "" : " with " + order.shipment().carrier() + " "
                + order.shipment().trackingNumber();
    }

    private void release(String carrier, String trackingNumber) {
        parked.ifPresent(events -> events.release(carrier, trackingNumber));
    }
}

package com.ordertracking.shared.domain.tracking;

import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.LineItem;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderPackage;
import com.ordertracking.shared.domain.OrderStateMachine;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.OverPackedException;
import com.ordertracking.shared.domain.PackageSummary;
import com.ordertracking.shared.domain.PackedItem;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.ShipmentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How an order's packages make its status (docs/order-lifecycle.md). Pure; the use cases and the tracking
 * processor only load, apply and store.
 * <ul>
 *   <li>{@code PARTIALLY_SHIPPED} while some units are packed and shipped and others are not;</li>
 *   <li>{@code SHIPPED} once every unit is in a shipped package; from then on the order follows its
 *       <b>least advanced</b> package ({@code IN_TRANSIT}, {@code OUT_FOR_DELIVERY}) and is {@code DELIVERED}
 *       only when every package is;</li>
 *   <li>forward only, through {@link OrderStateMachine}; an order past the shipping stages (a return) is left
 *       alone;</li>
 *   <li>the order's {@code delay} is the flag of its first late package (null when none is late); its
 *       {@code shipment} is a summary of the least advanced package (what order-level texts and events show).</li>
 * </ul>
 */
public final class OrderFulfilment {
    private static final List<OrderStatus> FOLLOWING = List.of(OrderStatus.PROCESSED, OrderStatus.PARTIALLY_SHIPPED,
            OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT, OrderStatus.OUT_FOR_DELIVERY);

    private OrderFulfilment() {
    }

    /** Units not yet packed, per SKU in line order (SKUs fully packed are absent). */
    public static Map<String, Integer> unpacked(Order order) {
        Map<String, Integer> left = new LinkedHashMap<>();
        for (LineItem line : order.items()) {
            left.merge(line.sku(), line.quantity(), Integer::sum);
        }
        for (PackageSummary pkg : order.packages()) {
            for (PackedItem item : pkg.items()) {
                left.merge(item.sku(), -item.quantity(), Integer::sum);
            }
        }
        left.values().removeIf(units -> units <= 0);
        return left;
    }

    /**
     * The items of a new package: {@code requested} (same SKU twice is added up), or everything not yet packed
     * when it is null or empty.
     *
     * @throws OverPackedException when a SKU is requested beyond what is left (unknown SKUs have nothing left)
     */
    public static List<PackedItem> pack(Order order, List<PackedItem> requested) {
        Map<String, Integer> left = unpacked(order);
        if (requested == null || requested.isEmpty()) {
            return left.entrySet().stream().map(e -> new PackedItem(e.getKey(), e.getValue())).toList();
        }
        Map<String, Integer> wanted = new LinkedHashMap<>();
        requested.forEach(item -> wanted.merge(item.sku(), item.quantity(), Integer::sum));
        for (Map.Entry<String, Integer> want : wanted.entrySet()) {
            int available = left.getOrDefault(want.getKey(), 0);
            if (want.getValue() > available) {
                throw new OverPackedException(want.getKey(), want.getValue(), available);
            }
        }
        return wanted.entrySet().stream().map(e -> new PackedItem(e.getKey(), e.getValue())).toList();
    }

    /** The order with a new package shipped (summary appended, status, shipment summary), one version later. */
    public static Order withNewPackage(Order order, OrderPackage pkg, Instant now) {
        List<PackageSummary> packages = new ArrayList<>(order.packages());
        packages.add(PackageSummary.of(pkg));
        return rebuilt(order, packages, now);
    }

    /**
     * The order after one of its packages changed, or empty when nothing the order item holds changed (a
     * checkpoint that moved neither the package's status, estimate nor delay flag).
     */
    public static Optional<Order> afterPackageChange(Order order, OrderPackage pkg, Instant now) {
        List<PackageSummary> packages = new ArrayList<>(order.packages());
        PackageSummary summary = PackageSummary.of(pkg);
        boolean found = false;
        for (int i = 0; i < packages.size(); i++) {
            if (packages.get(i).packageId().equals(pkg.packageId())) {
                packages.set(i, summary);
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException("Order " + order.orderId() + " has no package " + pkg.packageId());
        }
        Order next = rebuilt(order, packages, now);
        boolean changed = !next.packages().equals(order.packages()) || next.status() != order.status()
                || !Objects.equals(next.shipment(), order.shipment()) || !Objects.equals(next.delay(), order.delay());
        return changed ? Optional.of(next) : Optional.empty();
    }

    private static Order rebuilt(Order order, List<PackageSummary> packages, Instant now) {
        Order draft = order.withPackages(packages, order.status(), order.shipment(), order.delay(), order.updatedAt());
        OrderStatus status = next(order.status(), derivedStatus(draft));
        return order.withPackages(packages, status, summaryShipment(packages), delayOf(packages), now);
    }

    /** What the packages say the order's status is (before the forward-only rule). */
    public static OrderStatus derivedStatus(Order order) {
        if (!order.hasPackages()) {
            return order.status();
        }
        if (!unpacked(order).isEmpty()) {
            return OrderStatus.PARTIALLY_SHIPPED;
        }
        return order.packages().stream().map(OrderFulfilment::stage)
                .min(Comparator.comparingInt(OrderFulfilment::rank)).orElse(OrderStatus.SHIPPED);
    }

    /** The order stage a package has reached: SHIPPED until its first move, DELIVERED once delivered. */
    static OrderStatus stage(PackageSummary pkg) {
        ShipmentStatus reached = pkg.reached();
        if (reached == null) {
            return OrderStatus.SHIPPED;
        }
        return switch (reached) {
            case INFO_RECEIVED -> OrderStatus.SHIPPED;
            // Returned to sender: still on the move as far as the order is concerned (it never moves back).
            case IN_TRANSIT, RETURNED_TO_SENDER -> OrderStatus.IN_TRANSIT;
            case OUT_FOR_DELIVERY -> OrderStatus.OUT_FOR_DELIVERY;
            case DELIVERED -> OrderStatus.DELIVERED;
            case ATTEMPT_FAILED, AVAILABLE_FOR_PICKUP, EXCEPTION -> OrderStatus.SHIPPED; // never a progress mark
        };
    }

    private static int rank(OrderStatus status) {
        return switch (status) {
            case PARTIALLY_SHIPPED -> 0;
            case SHIPPED -> 1;
            case IN_TRANSIT -> 2;
            case OUT_FOR_DELIVERY -> 3;
            case DELIVERED -> 4;
            default -> -1;
        };
    }

    /** Forward only, and only while the order is in a shipping stage (a return or a refund is left alone). */
    static OrderStatus next(OrderStatus current, OrderStatus derived) {
        if (!FOLLOWING.contains(current) || derived == current) {
            return current;
        }
        boolean forward = current == OrderStatus.PROCESSED || rank(derived) > rank(current);
        return forward && OrderStateMachine.canTransition(current, derived) ? derived : current;
    }

    /**
     * The order-level shipment: the least advanced undelivered package (the later estimate on a tie), or the last
     * delivered one when all are; without its checkpoint marks, which live on the package item.
     */
    static Shipment summaryShipment(List<PackageSummary> packages) {
        Comparator<PackageSummary> leastAdvanced = Comparator.<PackageSummary>comparingInt(p -> rank(stage(p)))
                .thenComparing(PackageSummary::estimatedDelivery, Comparator.nullsFirst(Comparator.reverseOrder()))
                .thenComparingInt(PackageSummary::number);
        PackageSummary governing = packages.stream().filter(p -> p.deliveredAt() == null).min(leastAdvanced)
                .orElseGet(() -> packages.stream().max(Comparator.comparing(PackageSummary::deliveredAt)).orElseThrow());
        return new Shipment(governing.carrier(), governing.trackingNumber(), governing.status(),
                governing.estimatedDelivery(), governing.shippedAt(), null, governing.deliveredAt(), null, null, null);
    }

    /** The flag of the first late package, or null. */
    static Delay delayOf(List<PackageSummary> packages) {
        return packages.stream().filter(p -> p.delay() != null).findFirst().map(PackageSummary::delay).orElse(null);
    }
}

package com.ordertracking.shared.adapters.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderPackage;
import com.ordertracking.shared.domain.PackageSummary;
import com.ordertracking.shared.domain.PackedItem;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.tracking.CarrierTrackingUrls;
import com.ordertracking.shared.domain.tracking.TrackingLinks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An order as the seller and buyer APIs return it: the order itself plus {@code trackingPageUrl},
 * the public tracking page link the buyer also gets by SMS and email (same base URL and secret;
 * handlers build it from {@code Components.trackingLinks()}), {@code refundedTotal} (the sum of the order's
 * {@code refunds}), and its {@code packages}, each with the carrier's tracking URL and, where the handler read the
 * package items, the latest checkpoint.
 */
public final class OrderViews {
    private final TrackingLinks links;

    public OrderViews(TrackingLinks links) {
        this.links = links;
    }

    /** From the order item alone: packages without their latest checkpoint. */
    public OrderView of(Order order) {
        return of(order, List.of());
    }

    /** With the package items read ({@code loaded}), which add each package's latest checkpoint. */
    public OrderView of(Order order, List<OrderPackage> loaded) {
        Map<String, OrderPackage> byId = loaded.stream()
                .collect(Collectors.toMap(OrderPackage::packageId, Function.identity()));
        List<PackageView> packages = order.hasPackages()
                ? order.packages().stream().map(summary -> view(summary, byId.get(summary.packageId()),
                        order.packages().size())).toList()
                : embedded(order.shipment(), order.delay());
        return new OrderView(order, links.link(order.orderId()), order.refundedTotal(), packages);
    }

    private static PackageView view(PackageSummary summary, OrderPackage pkg, int count) {
        Shipment.TrackingMark latest = pkg == null ? null : pkg.shipment().latest();
        return new PackageView(summary.packageId(), summary.number(), count, summary.carrier(),
                summary.trackingNumber(), summary.items(), summary.status(), summary.estimatedDelivery(),
                summary.shippedAt(), summary.deliveredAt(), latest == null ? null : new Checkpoint(latest.status(), latest.at()),
                summary.delay() != null, summary.delay(),
                CarrierTrackingUrls.of(summary.carrier(), summary.trackingNumber()).orElse(null));
    }

    /** An order stored before packages existed: its one embedded shipment, shown as package 1 of 1 (no id). */
    private static List<PackageView> embedded(Shipment shipment, Delay delay) {
        if (shipment == null) {
            return List.of();
        }
        Shipment.TrackingMark latest = shipment.latest();
        return List.of(new PackageView(null, 1, 1, shipment.carrier(), shipment.trackingNumber(), List.of(),
                shipment.status(), shipment.estimatedDelivery(), shipment.shippedAt(), shipment.deliveredAt(),
                latest == null ? null : new Checkpoint(latest.status(), latest.at()), delay != null, delay,
                CarrierTrackingUrls.of(shipment.carrier(), shipment.trackingNumber()).orElse(null)));
    }

    public record OrderView(@JsonUnwrapped @JsonIgnoreProperties("packages") Order order, String trackingPageUrl,
            java.math.BigDecimal refundedTotal, List<PackageView> packages) {
    }

    /**
     * One package as the APIs show it. {@code latestCheckpoint} is present on the single-order reads; {@code delayed}
     * is the flag, {@code delay} its reason and times.
     */
    public record PackageView(String packageId, int number, int of, String carrier, String trackingNumber,
            List<PackedItem> items, ShipmentStatus status, Instant estimatedDelivery, Instant shippedAt,
            Instant deliveredAt, Checkpoint latestCheckpoint, boolean delayed, Delay delay, String trackingUrl) {
    }

    /** The newest carrier checkpoint of a package: its status and carrier time. */
    public record Checkpoint(ShipmentStatus status, Instant at) {
    }
}

package com.ordertracking.shared.adapters.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.tracking.TrackingLinks;

/**
 * An order as the seller and buyer APIs return it: the order itself plus {@code trackingPageUrl},
 * the public tracking page link the buyer also gets by SMS and email, and {@code refundedTotal} (same base URL and secret;
 * handlers build it from {@code Components.trackingLinks()}).
 */
public final class OrderViews {
    private final TrackingLinks links;

    public OrderViews(TrackingLinks links) {
        this.links = links;
    }

    public OrderView of(Order order) {
        return new OrderView(order, links.link(order.orderId()), order.refundedTotal());
    }

    /** {@code refundedTotal}: the sum of the order's {@code refunds} (what was paid back so far). */
    public record OrderView(@JsonUnwrapped Order order, String trackingPageUrl, java.math.BigDecimal refundedTotal) {
    }
}

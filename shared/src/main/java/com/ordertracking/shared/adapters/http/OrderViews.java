package com.ordertracking.shared.adapters.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.ordertracking.shared.config.Settings;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.notifications.TrackingLinks;

/**
 * An order as the seller and buyer APIs return it: the order itself plus {@code trackingPageUrl},
 * the public tracking page link the buyer also gets by SMS and email (same base URL and secret).
 */
public final class OrderViews {
    private final TrackingLinks links;

    public OrderViews(TrackingLinks links) {
        this.links = links;
    }

    /** {@code PUBLIC_BASE_URL} and {@code TRACKING_LINK_SECRET}, as the template gives every function. */
    public static OrderViews fromEnvironment() {
        Settings settings = Settings.fromEnvironment();
        return new OrderViews(new TrackingLinks(settings.required("PUBLIC_BASE_URL"),
                settings.required("TRACKING_LINK_SECRET")));
    }

    public OrderView of(Order order) {
        return new OrderView(order, links.link(order.orderId()));
    }

    public record OrderView(@JsonUnwrapped Order order, String trackingPageUrl) {
    }
}

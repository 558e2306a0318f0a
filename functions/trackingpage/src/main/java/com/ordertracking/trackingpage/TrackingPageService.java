package com.ordertracking.trackingpage;

import com.ordertracking.shared.application.order.OrderRepository;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.domain.tracking.TrackingLinks;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a public tracking token to its order and timeline. The token is verified (HMAC, constant-time
 * compare in {@link TrackingLinks#orderIdOf}) before anything is read, so a forged token costs no read.
 */
public final class TrackingPageService {
    /** Far above any genuine token (an order id, '~' and 16 characters of MAC): longer ones are not even checked. */
    static final int MAX_TOKEN_LENGTH = 200;

    private final TrackingLinks links;
    private final OrderRepository orders;

    public TrackingPageService(TrackingLinks links, OrderRepository orders) {
        this.links = links;
        this.orders = orders;
    }

    /** What the page shows: the order and its timeline, oldest first. */
    public record Tracking(Order order, List<TimelineEntry> timeline) {
    }

    /** The order behind a genuine token for an existing order; empty for anything else. */
    public Optional<Tracking> find(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return links.orderIdOf(token)
                .flatMap(orders::find)
                .map(order -> new Tracking(order, orders.timeline(order.orderId())));
    }
}

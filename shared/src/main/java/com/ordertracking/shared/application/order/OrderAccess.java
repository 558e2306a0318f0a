package com.ordertracking.shared.application.order;

import com.ordertracking.shared.application.NotFoundException;
import com.ordertracking.shared.application.StaleVersionException;
import com.ordertracking.shared.application.VersionConflictException;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.TimelineEntry;
import java.util.List;
import java.util.OptionalLong;

/**
 * The one precondition path of every order use case: load the caller's own order (anyone else's is
 * indistinguishable from a missing one), check the version the caller expects, and store a change so that
 * a write losing a race is answered like a stale version when the caller named one
 * ({@link StaleVersionException}, HTTP 412), and as a {@link VersionConflictException} (409) when it did not.
 */
public final class OrderAccess {
    private final OrderRepository orders;

    public OrderAccess(OrderRepository orders) {
        this.orders = orders;
    }

    /** The seller's own order, or {@link NotFoundException}. */
    public Order sellers(String sellerId, String orderId) {
        return orders.find(orderId)
                .filter(order -> order.sellerId().equals(sellerId))
                .orElseThrow(() -> NotFoundException.order(orderId));
    }

    /** An order placed for this buyer, or {@link NotFoundException}. */
    public Order buyers(String buyerId, String orderId) {
        return orders.find(orderId)
                .filter(order -> order.buyer().id().equals(buyerId))
                .orElseThrow(() -> NotFoundException.order(orderId));
    }

    /** When the caller named a version, the order must be at it. */
    public static void requireVersion(Order order, OptionalLong expectedVersion) {
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != order.version()) {
            throw new StaleVersionException(order.orderId());
        }
    }

    /** Stores {@code changed} with its timeline entries (a conditional write on the version it came from). */
    public void update(Order changed, OptionalLong expectedVersion, List<TimelineEntry> entries) {
        write(changed.orderId(), expectedVersion, () -> orders.update(changed, entries));
    }

    /** Runs a conditional write of the order; a lost race is stale when the caller named a version. */
    public static void write(String orderId, OptionalLong expectedVersion, Runnable conditionalWrite) {
        try {
            conditionalWrite.run();
        } catch (VersionConflictException e) {
            if (expectedVersion.isPresent()) {
                throw new StaleVersionException(orderId);
            }
            throw e;
        }
    }
}

package com.ordertracking.shared.persistence;

import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.TimelineEntry;
import java.util.List;
import java.util.Optional;

/** Storage of orders. Every write is conditional; see {@link DynamoOrderRepository}. */
public interface OrderRepository {

    /** A claim on an {@code Idempotency-Key}: the key, a hash of the request, and when it lapses. */
    record IdempotencyClaim(String sellerId, String key, String requestHash, long expiresAtEpochSecond) {
    }

    /** What a create did. */
    sealed interface CreateResult {
        /** The order was stored now. */
        record Created(Order order) implements CreateResult {
        }

        /** The key was used before for the same request: this is the order it created. */
        record Replayed(Order order) implements CreateResult {
        }

        /** The key was used before for a different request. */
        record KeyReused(String existingOrderId) implements CreateResult {
        }
    }

    /**
     * Stores a new order atomically with its idempotency claim (if any): either both are written or
     * neither. A claim that already exists turns the create into a replay or a key conflict.
     */
    CreateResult create(Order order, IdempotencyClaim claim);

    Optional<Order> find(String orderId);

    /**
     * Stores a changed order and appends timeline entries in one transaction, on condition that the
     * stored version is still {@code order.version() - 1}.
     *
     * @throws VersionConflictException when someone else changed the order first
     */
    void update(Order order, List<TimelineEntry> newEntries);

    /**
     * Stores a just-shipped order like {@link #update} and, in the same transaction, registers its
     * carrier + tracking number to it (on condition that no order has that number yet).
     *
     * @throws TrackingNumberInUseException when another order already has the number
     * @throws VersionConflictException     when someone else changed the order first
     */
    void ship(Order order, List<TimelineEntry> newEntries);

    /** The order's timeline, oldest first. */
    List<TimelineEntry> timeline(String orderId);
}

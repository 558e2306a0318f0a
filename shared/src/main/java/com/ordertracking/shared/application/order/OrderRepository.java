package com.ordertracking.shared.application.order;

import com.ordertracking.shared.application.VersionConflictException;
import com.ordertracking.shared.domain.Coupon;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of orders. Every write is conditional (the DynamoDB adapter: {@code DynamoOrderRepository}). */
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

        /** The coupon's redemption limit (overall or for this buyer) was reached: nothing was written. */
        record CouponRefused(CouponLimit limit) implements CreateResult {
        }
    }

    enum CouponLimit { OVERALL, PER_BUYER }

    /**
     * A coupon redeemed by the order being created: the counters are incremented in the same
     * transaction, on condition that they are below the limits (null = unlimited).
     */
    record CouponRedemption(String sellerId, String code, String buyerId, Integer maxRedemptions,
            Integer maxRedemptionsPerBuyer) {
    }

    /**
     * A seller's listing, newest first: optionally one status and a creation-time range (both ends
     * inclusive), optionally only orders flagged as delayed; {@code cursor} is the {@code nextCursor} of
     * the previous page.
     */
    record SellerListing(String sellerId, OrderStatus status, Instant createdFrom, Instant createdTo, int limit,
            String cursor, boolean delayedOnly) {

        public SellerListing(String sellerId, OrderStatus status, Instant createdFrom, Instant createdTo, int limit,
                String cursor) {
            this(sellerId, status, createdFrom, createdTo, limit, cursor, false);
        }
    }

    /**
     * Stores a new order atomically with its idempotency claim (if any): either both are written or
     * neither. A claim that already exists turns the create into a replay or a key conflict.
     */
    default CreateResult create(Order order, IdempotencyClaim claim) {
        return create(order, claim, null);
    }

    /** As {@link #create(Order, IdempotencyClaim)}, also redeeming a coupon (if any) in the same transaction. */
    CreateResult create(Order order, IdempotencyClaim claim, CouponRedemption redemption);

    /**
     * One page of a seller's orders, served by the BySeller or BySellerStatus index.
     *
     * @throws InvalidCursorException when the cursor was not issued by this listing
     */
    Page listBySeller(SellerListing listing);

    /**
     * One page of a buyer's orders, newest first, served by the ByBuyer index.
     *
     * @throws InvalidCursorException when the cursor was not issued by this listing
     */
    Page listByBuyer(String buyerId, int limit, String cursor);

    /**
     * What an earlier request with this claim's key produced, if the key is still claimed: a replay
     * of its order, or a key conflict when the request differs.
     */
    Optional<CreateResult> replay(IdempotencyClaim claim);

    Optional<Order> find(String orderId);

    /**
     * Stores a changed order and appends timeline entries in one transaction, on condition that the
     * stored version is still {@code order.version() - 1}.
     *
     * @throws VersionConflictException when someone else changed the order first
     */
    void update(Order order, List<TimelineEntry> newEntries);

    /**
     * Stores a changed order like {@link #update} and, in the same transaction, a new coupon (on
     * condition that the seller has no coupon with that code yet): a goodwill compensation.
     *
     * @return false when the code is taken (nothing was written: try another code)
     * @throws VersionConflictException when someone else changed the order first
     */
    boolean compensate(Order order, List<TimelineEntry> newEntries, Coupon coupon);

    /** The order's timeline, oldest first. */
    List<TimelineEntry> timeline(String orderId);
}

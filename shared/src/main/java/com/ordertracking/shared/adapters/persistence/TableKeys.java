package com.ordertracking.shared.adapters.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Key layout of the single orders table (see docs/data-model.md). Every item has {@code pk} and
 * {@code sk}; order items also carry the sparse index keys that serve the listings.
 */
public final class TableKeys {
    private static final String ORDER_PREFIX = "ORDER#";
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String ENTITY = "entity";
    /** Epoch seconds after which DynamoDB's TTL deletes the item. */
    public static final String EXPIRES_AT = "expiresAt";

    /** Index {@code BySeller}: a seller's orders, newest first. */
    public static final String SELLER_INDEX = "BySeller";
    public static final String SELLER_PK = "gsi1pk";
    public static final String SELLER_SK = "gsi1sk";
    /** Index {@code BySellerStatus}: a seller's orders in one status, newest first. */
    public static final String SELLER_STATUS_INDEX = "BySellerStatus";
    public static final String SELLER_STATUS_PK = "gsi2pk";
    public static final String SELLER_STATUS_SK = "gsi2sk";
    /** Index {@code ByBuyer}: a buyer's orders, newest first. */
    public static final String BUYER_INDEX = "ByBuyer";
    public static final String BUYER_PK = "gsi3pk";
    public static final String BUYER_SK = "gsi3sk";
    /** Index {@code ByDueTime}: undelivered shipments by the time they are next due to be checked. */
    public static final String DUE_INDEX = "ByDueTime";
    public static final String DUE_PK = "gsi4pk";
    public static final String DUE_SK = "gsi4sk";

    /**
     * Partitions of {@code ByDueTime}: a few, so the monitor reads a handful of partitions rather than
     * one hot one. Fixed: items written under another count would be stranded outside the queried shards.
     */
    public static final int DUE_SHARDS = 4;

    public static final String ORDER_SK = "ORDER";
    /** On order items: the sum of {@code refunds} as a number, the exact counter refunds are conditional on. */
    public static final String REFUNDED_TOTAL = "refundedTotal";
    /** On order items: the ids of {@code refunds} as a string set, so a refund's condition can refuse a repeat. */
    public static final String REFUND_IDS = "refundIds";
    public static final String IDEMPOTENCY_SK = "IDEMPOTENCY";

    private TableKeys() {
    }

    public static String orderPk(String orderId) {
        return ORDER_PREFIX + orderId;
    }

    /** The order id of an {@link #orderPk} (index entries carry the order's key). */
    public static String orderIdOf(String orderPk) {
        if (!orderPk.startsWith(ORDER_PREFIX)) {
            throw new IllegalArgumentException("Not an order key: " + orderPk);
        }
        return orderPk.substring(ORDER_PREFIX.length());
    }

    public static String sellerPk(String sellerId) {
        return "SELLER#" + sellerId;
    }

    public static String sellerStatusPk(String sellerId, String status) {
        return "SELLER#" + sellerId + "#STATUS#" + status;
    }

    public static String buyerPk(String buyerId) {
        return "BUYER#" + buyerId;
    }

    /** The {@code ByDueTime} shard of an order: a stable hash (String.hashCode is specified) of its id. */
    public static int dueShard(String orderId) {
        return Math.floorMod(orderId.hashCode(), DUE_SHARDS);
    }

    public static String duePk(int shard) {
        return "DUE#" + shard;
    }

    /** Sorts by due time; the order id keeps the key unique. */
    public static String dueSortKey(Instant due, String orderId) {
        return sortableTime(due) + "#" + orderId;
    }

    /** Sorts by creation time; the order id breaks ties and keeps the key unique. */
    public static String createdSortKey(Instant createdAt, String orderId) {
        return sortableTime(createdAt) + "#" + orderId;
    }

    /** Fixed-width UTC time (millisecond precision) so that string order equals time order. */
    public static String sortableTime(Instant time) {
        return SORTABLE.format(time);
    }

    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Package items sort after the order item in the order's partition: {@code PACKAGE#<packageId>}. */
    public static final String PACKAGE_PREFIX = "PACKAGE#";

    public static String packageSortKey(String packageId) {
        return PACKAGE_PREFIX + packageId;
    }

    public static final String TIMELINE_PREFIX = "EVENT#";

    /** Timeline entries sort by time; the entry id keeps the key unique. */
    public static String timelineSortKey(Instant at, String entryId) {
        return TIMELINE_PREFIX + sortableTime(at) + "#" + entryId;
    }

    public static String idempotencyPk(String sellerId, String key) {
        return "IDEMPOTENCY#" + sellerId + "#" + key;
    }

    public static final String TRACKING_SK = "TRACKING";
    public static final String PARKED_PREFIX = "PARKED#";
    public static final String APPLIED_EVENT_SK = "TRACKEVENT";

    /** A carrier's tracking number: its registration (one order) and its parked events share this key. */
    public static String trackingPk(String carrier, String trackingNumber) {
        return "TRACKING#" + carrier + "#" + trackingNumber;
    }

    /** Parked events of a number sort by carrier time; the event key keeps the key unique. */
    public static String parkedSortKey(Instant occurredAt, String eventKey) {
        return PARKED_PREFIX + sortableTime(occurredAt) + "#" + eventKey;
    }

    public static String appliedEventPk(String source, String eventId) {
        return "TRACKEVENT#" + source + "#" + eventId;
    }

    public static final String COUPON_SK = "COUPON";

    /** A seller's coupon; its per-buyer redemption counters share the partition. */
    public static String couponPk(String sellerId, String code) {
        return "COUPON#" + sellerId + "#" + code;
    }

    public static String couponRedemptionSk(String buyerId) {
        return "REDEMPTION#" + buyerId;
    }

    /** A seller's profile: {@code pk=SELLER#<sellerId>, sk=PROFILE}. */
    public static final String PROFILE_SK = "PROFILE";

    public static final String DELIVERED_PREFIX = "DELIVERED#";

    /** The buyer × seller delivered-order counter, in the buyer's partition: {@code sk=DELIVERED#<sellerId>}. */
    public static String deliveredCounterSk(String sellerId) {
        return DELIVERED_PREFIX + sellerId;
    }

    /**
     * {@code ByBuyer} partition of the coupons reserved for a buyer (goodwill). The prefix differs from
     * {@link #buyerPk}'s so the buyer's order history never sees a coupon.
     */
    public static String reservedCouponsPk(String buyerId) {
        return "BUYERCOUPON#" + buyerId;
    }

    /** {@code ByBuyer} partition of a seller's loyalty offers (coupons with {@code minDeliveredOrders}). */
    public static String loyaltyCouponsPk(String sellerId) {
        return "LOYALTYCOUPON#" + sellerId;
    }

    /** Coupons in {@code ByBuyer} sort by expiry, so {@code gsi3sk > now} reads only unexpired ones. */
    public static String couponExpirySortKey(Instant validUntil, String sellerId, String code) {
        return sortableTime(validUntil) + "#" + sellerId + "#" + code;
    }

    public static final String PREFERENCES_SK = "PREFERENCES";
    public static final String NOTIFIED_SK = "NOTIFIED";

    /** The exactly-once record of one notification: an event of an order, sent on one channel. */
    public static String notifiedPk(String orderId, String eventId, String channel) {
        return "NOTIFIED#" + orderId + "#" + eventId + "#" + channel;
    }
}

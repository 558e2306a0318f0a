package com.ordertracking.shared.application.order;

import com.ordertracking.shared.application.VersionConflictException;
import com.ordertracking.shared.domain.Coupon;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.PartialRefund;
import com.ordertracking.shared.domain.TimelineEntry;
import java.util.List;
import java.util.Optional;

/**
 * Writes of commands on an existing order that may carry an {@code Idempotency-Key}: the key's claim is
 * stored in the same transaction as the command's change, so a retry either finds the claim (and replays
 * the earlier result) or runs the command for the first time — never both. The DynamoDB adapter:
 * {@code DynamoOrderCommands}.
 */
public interface OrderCommands {

    /**
     * A claim on a key: {@code owner} is the caller (a seller id, or {@code BUYER#<id>}), {@code requestHash}
     * identifies the command (route, order and validated body), {@code result} is what a replay answers with
     * (a refund id, a coupon code; the order itself otherwise).
     */
    record Claim(String owner, String key, String requestHash, long expiresAtEpochSecond) {
    }

    /** What a key was used for before: the order, the command's hash and its result. */
    record Earlier(String orderId, String requestHash, String result) {
    }

    /** The command that claimed this key before, if the claim is still alive. */
    Optional<Earlier> earlier(Claim claim);

    /**
     * Stores a changed order (conditional on its previous version) with its timeline entries and the claim.
     *
     * @throws KeyClaimed               when the key was claimed first (by a concurrent retry)
     * @throws VersionConflictException when someone else changed the order first
     */
    void update(Order order, List<TimelineEntry> newEntries, Claim claim, String result);

    /**
     * {@link OrderRepository#compensate} with the claim in the same transaction.
     *
     * @return false when the coupon code is taken
     */
    boolean compensate(Order order, List<TimelineEntry> newEntries, Coupon coupon, Claim claim);

    /**
     * Appends {@code refund} to the stored order without reading it back: the write is conditional on the
     * stored refunded total plus this amount not exceeding {@code orderTotal} (exact under any concurrency,
     * like a coupon counter) and, when {@code expectedRefundCount} is present, on no other refund having been
     * added since the order was read (a refund of units depends on the earlier ones).
     *
     * @throws RefundRefused when the condition fails (nothing was written)
     * @throws KeyClaimed    when the key was claimed first
     */
    void refund(Order order, PartialRefund refund, TimelineEntry entry, Claim claim, Optional<Integer> expectedRefundCount);

    /** The key was claimed by an earlier (or concurrent) request. */
    final class KeyClaimed extends RuntimeException {
        public KeyClaimed() {
            super("Idempotency-Key already claimed", null, false, false);
        }
    }

    /** A refund's condition failed: it would exceed the total, or the refunds changed since they were read. */
    final class RefundRefused extends RuntimeException {
        public RefundRefused() {
            super("Refund condition failed", null, false, false);
        }
    }
}

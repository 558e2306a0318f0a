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
     * A claim on a key: {@code owner} is the caller (a seller id, or {@code buyer:<id>}), {@code requestHash}
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
     * Appends {@code refund} to the stored order in one conditional UpdateItem (not a transaction: concurrent
     * refunds of one order then queue on the item instead of cancelling each other): the stored refunded total
     * plus this amount must not exceed the order total (exact under any concurrency, like a coupon counter), no
     * refund with this {@code refundId} may exist (ids derive from the {@code Idempotency-Key}), and, when
     * {@code expectedRefundCount} is present, no other refund may have been added since the order was read
     * (a refund of units depends on the earlier ones).
     *
     * @throws RefundRefused when the total or the count condition fails (nothing was written)
     * @throws KeyClaimed    when the order already has this refund (a retry)
     */
    void refund(Order order, PartialRefund refund, Optional<Integer> expectedRefundCount);

    /**
     * What follows a stored refund: its timeline entry and its key's claim, each written unless already there
     * (so a retry after a crash in between completes them).
     */
    void recordRefund(String orderId, TimelineEntry entry, Claim claim, String refundId);

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

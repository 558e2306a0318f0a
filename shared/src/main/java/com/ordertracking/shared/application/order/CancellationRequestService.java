package com.ordertracking.shared.application.order;

import com.ordertracking.shared.application.ConflictException;
import com.ordertracking.shared.application.VersionConflictException;
import com.ordertracking.shared.application.order.OrderCommands.Claim;
import com.ordertracking.shared.domain.Cancellation;
import com.ordertracking.shared.domain.CancellationRequest;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.TimelineEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Buyer cancellation requests: {@code POST /me/orders/{id}/cancellation} cancels a PENDING order at once and
 * files a request on a PROCESSED one, which the seller approves (the order is cancelled) or rejects; shipping
 * rejects a pending request automatically ({@link CancellationRequest#rejectedByShipping}). Every write is
 * conditional on the order's version, so a decision and a concurrent ship never both win; a command that
 * loses such a race decides again on the order as it now is. Each takes an optional {@code Idempotency-Key}.
 */
public final class CancellationRequestService {
    static final int MAX_ATTEMPTS = 4;
    private static final String CANCELLED = "cancelled";
    private static final String REQUESTED = "requested";

    private final OrderAccess access;
    private final OrderCommands commands;
    private final CommandKeys keys;
    private final Clock clock;

    public CancellationRequestService(OrderRepository orders, OrderCommands commands, Clock clock) {
        this.access = new OrderAccess(orders);
        this.commands = commands;
        this.keys = new CommandKeys(commands, clock);
        this.clock = clock;
    }

    /** What a buyer's request did: cancelled the order at once, or filed a request the seller decides. */
    public record Requested(Order order, boolean cancelledAtOnce, boolean replayed) {
    }

    /** What a seller's decision left: the order (cancelled or not) and whether this was a replay. */
    public record Decided(Order order, boolean replayed) {
    }

    public enum Decision { APPROVE, REJECT }

    public Requested request(String buyerId, String orderId, String reason, String idempotencyKey) {
        Claim claim = keys.claim(CommandKeys.buyerOwner(buyerId), idempotencyKey, "cancellation", orderId, reason);
        Optional<String> earlier = keys.earlierResult(claim);
        if (earlier.isPresent()) {
            return new Requested(access.buyers(buyerId, orderId), CANCELLED.equals(earlier.get()), true);
        }
        for (int attempt = 1; ; attempt++) {
            Order order = access.buyers(buyerId, orderId);
            Instant now = now();
            boolean atOnce = order.status() == OrderStatus.PENDING;
            Order changed;
            TimelineEntry entry;
            if (atOnce) {
                changed = order.withCancellation(new Cancellation("buyer", buyerId, reason, now));
                entry = TimelineEntry.statusChanged("cancelled-v" + changed.version(), now, OrderStatus.CANCELLED,
                        "Cancelled by the buyer: " + reason, "buyer");
            } else {
                refuseRequest(order);
                changed = order.withCancellationRequest(CancellationRequest.pending(reason, now), now);
                entry = TimelineEntry.note("cancellation-requested-v" + changed.version(), now, changed.status(),
                        "Buyer asked to cancel: " + reason, "buyer");
            }
            try {
                commands.update(changed, List.of(entry), claim, atOnce ? CANCELLED : REQUESTED);
                return new Requested(changed, atOnce, false);
            } catch (OrderCommands.KeyClaimed e) {
                return new Requested(access.buyers(buyerId, orderId), CANCELLED.equals(keys.claimedResult(claim)), true);
            } catch (VersionConflictException e) {
                retryOrThrow(attempt, e); // e.g. the seller processed or shipped it meanwhile: decide again
            }
        }
    }

    /** Approves (the order is cancelled) or rejects (it ships as planned) the order's pending request. */
    public Decided decide(String sellerId, String orderId, Decision decision, String reason, String idempotencyKey) {
        Claim claim = keys.claim(sellerId, idempotencyKey, "cancellation-" + decision.name().toLowerCase(java.util.Locale.ROOT),
                orderId, reason == null ? "" : reason);
        if (keys.earlierResult(claim).isPresent()) {
            return new Decided(access.sellers(sellerId, orderId), true);
        }
        for (int attempt = 1; ; attempt++) {
            Order order = access.sellers(sellerId, orderId);
            CancellationRequest request = order.cancellationRequest();
            if (alreadyDecidedSo(request, decision)) {
                return new Decided(order, false); // the same decision again: nothing to change
            }
            refuseDecision(order, request);
            Instant now = now();
            Order changed;
            TimelineEntry entry;
            if (decision == Decision.APPROVE) {
                changed = order.withCancellation(new Cancellation("buyer", order.buyer().id(), request.reason(), now))
                        .replacingCancellationRequest(request.approved(now, reason));
                entry = TimelineEntry.statusChanged("cancelled-v" + changed.version(), now, OrderStatus.CANCELLED,
                        "Cancelled: the seller approved the buyer's request (" + request.reason() + ")", "seller");
            } else {
                changed = order.withCancellationRequest(request.rejected(now, "seller", reason), now);
                entry = TimelineEntry.note("cancellation-rejected-v" + changed.version(), now, changed.status(),
                        "Seller declined the buyer's cancellation request" + (reason == null ? "" : ": " + reason), "seller");
            }
            try {
                commands.update(changed, List.of(entry), claim, decision.name());
                return new Decided(changed, false);
            } catch (OrderCommands.KeyClaimed e) {
                keys.claimedResult(claim);
                return new Decided(access.sellers(sellerId, orderId), true);
            } catch (VersionConflictException e) {
                retryOrThrow(attempt, e); // e.g. shipped meanwhile, which rejected the request: decide again
            }
        }
    }

    private static boolean alreadyDecidedSo(CancellationRequest request, Decision decision) {
        return request != null && "seller".equals(request.decidedBy())
                && request.state() == (decision == Decision.APPROVE ? CancellationRequest.State.APPROVED
                        : CancellationRequest.State.REJECTED);
    }

    private static void refuseRequest(Order order) {
        String id = order.orderId();
        if (order.status() == OrderStatus.CANCELLED || order.status() == OrderStatus.REFUNDED) {
            throw new ConflictException("order-closed", "Order " + id + " is " + order.status() + " already");
        }
        if (order.status().isShippedOrLater()) {
            throw new ConflictException("order-already-shipped", "Order " + id + " is " + order.status()
                    + " (already shipped), so it can no longer be cancelled; once it is delivered you can request"
                    + " a return (POST /me/orders/" + id + "/returns)");
        }
        CancellationRequest existing = order.cancellationRequest();
        if (existing != null) {
            throw new ConflictException("cancellation-already-requested", "A cancellation of order " + id
                    + " was already requested at " + existing.requestedAt() + "; it is " + existing.state());
        }
    }

    private static void refuseDecision(Order order, CancellationRequest request) {
        String id = order.orderId();
        if (request == null) {
            throw new ConflictException("no-cancellation-request", "The buyer has not asked to cancel order " + id);
        }
        if (!request.isPending()) {
            String how = "system".equals(request.decidedBy())
                    ? "rejected automatically (" + request.decisionReason() + ")"
                    : request.state().name().toLowerCase(java.util.Locale.ROOT) + " by the seller";
            throw new ConflictException("cancellation-request-decided", "The buyer's cancellation request for order "
                    + id + " was already " + how + " at " + request.decidedAt());
        }
    }

    private static void retryOrThrow(int attempt, VersionConflictException e) {
        if (attempt >= MAX_ATTEMPTS) {
            throw e;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

package com.ordertracking.shared.application.order;

import com.ordertracking.shared.application.ConflictException;
import com.ordertracking.shared.application.FieldError;
import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.application.order.OrderCommands.Claim;
import com.ordertracking.shared.domain.Money;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.PartialRefund;
import com.ordertracking.shared.domain.RefundRules;
import com.ordertracking.shared.domain.TimelineEntry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /orders/{orderId}/refunds}: the seller pays back part of what the buyer paid, in any status —
 * an amount, or some units of the order's lines ({@link RefundRules}), with or without a return. The refunds
 * never sum above the order total: the write is conditional on the stored refunded total
 * ({@link OrderCommands#refund}), so of concurrent refunds exactly those that fit succeed. The status does not
 * change: {@code POST /orders/{id}/refund} (REFUNDED) stays the full refund of a cancelled or returned order.
 * The {@code Idempotency-Key} is required: a refund moves money.
 */
public final class PartialRefundService {
    /** Refunds of units re-read and re-check the order when another refund landed between read and write. */
    static final int MAX_ATTEMPTS = 8;

    private final OrderAccess access;
    private final OrderCommands commands;
    private final CommandKeys keys;
    private final Clock clock;

    public PartialRefundService(OrderRepository orders, OrderCommands commands, Clock clock) {
        this.access = new OrderAccess(orders);
        this.commands = commands;
        this.keys = new CommandKeys(commands, clock);
        this.clock = clock;
    }

    /** A validated request: exactly one of {@code amount} (positive) and {@code items}. */
    public record RefundRequest(BigDecimal amount, List<PartialRefund.RefundItem> items, String reason, boolean returnless) {

        /** Canonical text for the idempotency hash. */
        String canonical() {
            return (amount == null ? "" : amount.stripTrailingZeros().toPlainString()) + "|" + items + "|" + reason
                    + "|" + returnless;
        }
    }

    /** The refund made (or replayed) and the order as stored after it. */
    public record Refunded(Order order, PartialRefund refund, boolean replayed) {
    }

    public Refunded refund(String sellerId, String orderId, RefundRequest request, String idempotencyKey) {
        Claim claim = keys.claim(sellerId, idempotencyKey, "refund", orderId, request.canonical());
        Optional<String> earlier = keys.earlierResult(claim);
        if (earlier.isPresent()) {
            return replay(sellerId, orderId, earlier.get());
        }
        for (int attempt = 1; ; attempt++) {
            Order order = access.sellers(sellerId, orderId);
            BigDecimal amount = amountOf(order, request);
            BigDecimal remaining = RefundRules.remaining(order);
            if (amount.compareTo(remaining) > 0) {
                throw exceeds(order, amount, remaining);
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            PartialRefund refund = new PartialRefund(refundId(sellerId, idempotencyKey), PartialRefund.Kind.PARTIAL, amount,
                    request.items(), request.reason(), request.returnless(), sellerId, now);
            TimelineEntry entry = TimelineEntry.note("refund-" + refund.refundId(), now, order.status(),
                    "Refunded " + amount.toPlainString() + " " + order.currency() + (request.returnless() ? " (no return)" : "")
                            + ": " + request.reason(), "seller");
            Optional<Integer> sinceRead = request.items() == null ? Optional.empty() : Optional.of(order.refunds().size());
            try {
                commands.refund(order, refund, sinceRead);
                commands.recordRefund(orderId, entry, claim, refund.refundId());
                return new Refunded(access.sellers(sellerId, orderId), refund, false);
            } catch (OrderCommands.KeyClaimed e) {
                // A retry whose first attempt stored the refund (and maybe not its note and claim yet).
                Refunded replayed = replay(sellerId, orderId, refund.refundId());
                if (!sameRequest(replayed.refund(), refund)) {
                    throw keyReused(idempotencyKey, orderId);
                }
                commands.recordRefund(orderId, entry, claim, refund.refundId());
                return replayed;
            } catch (OrderCommands.RefundRefused e) {
                Order now2 = access.sellers(sellerId, orderId);
                if (request.items() == null || attempt == MAX_ATTEMPTS) {
                    throw exceeds(now2, amount, RefundRules.remaining(now2));
                }
                // Another refund landed since the read: check the units again against the order as it is now.
            }
        }
    }

    /**
     * The refund's id follows from the seller's key (keys are per seller), so the order's own write can refuse a
     * second refund under the same key whatever happened to the claim.
     */
    static String refundId(String sellerId, String idempotencyKey) {
        return "rfd_" + CommandKeys.digest(sellerId + "\n" + idempotencyKey).substring(0, 24);
    }

    private static boolean sameRequest(PartialRefund stored, PartialRefund asked) {
        return stored.amount().compareTo(asked.amount()) == 0 && java.util.Objects.equals(stored.items(), asked.items())
                && stored.reason().equals(asked.reason()) && stored.returnless() == asked.returnless();
    }

    private static com.ordertracking.shared.application.UnprocessableException keyReused(String key, String orderId) {
        return new com.ordertracking.shared.application.UnprocessableException("idempotency-key-reused",
                "Idempotency-Key " + key + " was already used for a different refund of order " + orderId
                        + "; use a new key for a new refund");
    }

    private Refunded replay(String sellerId, String orderId, String refundId) {
        Order order = access.sellers(sellerId, orderId);
        PartialRefund refund = order.refunds().stream().filter(r -> r.refundId().equals(refundId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Refund " + refundId + " of " + orderId + " is missing"));
        return new Refunded(order, refund, true);
    }

    /** The amount asked for (checked against the currency) or the price of the units (checked against the lines). */
    private static BigDecimal amountOf(Order order, RefundRequest request) {
        Currency currency = Currency.getInstance(order.currency());
        if (request.items() == null) {
            if (!Money.fitsMinorUnit(request.amount(), currency)) {
                throw ValidationException.of("amount", "has more decimals than " + order.currency() + " allows ("
                        + currency.getDefaultFractionDigits() + ")");
            }
            return new Money(request.amount(), currency).amount();
        }
        List<FieldError> invalid = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (RefundRules.ItemRefusal refusal : RefundRules.refusals(order, request.items())) {
            if (refusal.conflict()) {
                conflicts.add(refusal.detail());
            } else {
                invalid.add(new FieldError("items[" + refusal.index() + "]." + refusal.field(), refusal.detail()));
            }
        }
        if (!invalid.isEmpty()) {
            throw new ValidationException(invalid);
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException("items-already-refunded", String.join("; ", conflicts));
        }
        BigDecimal amount = RefundRules.priceOf(order, request.items());
        if (amount.signum() == 0) {
            throw ValidationException.of("items", "these units cost nothing after the discount; refund an amount instead");
        }
        return amount;
    }

    private static ConflictException exceeds(Order order, BigDecimal amount, BigDecimal remaining) {
        return new ConflictException("refund-exceeds-total", "A refund of " + amount.toPlainString() + " "
                + order.currency() + " would exceed what is left to refund on order " + order.orderId() + ": "
                + remaining.toPlainString() + " of " + order.totals().total().toPlainString() + " "
                + order.currency() + " (" + order.refundedTotal().toPlainString() + " refunded already)");
    }
}

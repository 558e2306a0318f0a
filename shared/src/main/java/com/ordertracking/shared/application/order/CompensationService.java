package com.ordertracking.shared.application.order;


import com.ordertracking.shared.application.ConflictException;
import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.application.VersionConflictException;
import com.ordertracking.shared.domain.Compensation;
import com.ordertracking.shared.domain.Coupon;
import com.ordertracking.shared.domain.Money;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.TimelineEntry;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code POST /orders/{orderId}/compensations}: a seller's goodwill coupon for the buyer of an order
 * that is or was delayed. The coupon (one use, that buyer only, 90 days, generated code), the order's
 * {@code compensations} entry (which the outbox turns into {@code CompensationOffered}) and a NOTE on
 * the timeline are one transaction.
 */
public final class CompensationService {
    public static final Duration VALIDITY = Duration.ofDays(90);
    static final int MAX_ATTEMPTS = 4;
    /** Unambiguous when read aloud or typed from an SMS (no 0/O, 1/I/L). */
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OrderRepository orders;
    private final Clock clock;
    private final Supplier<String> codes;
    private final OrderAccess access;
    private final OrderCommands commands;
    private final CommandKeys keys;

    public CompensationService(OrderRepository orders, OrderCommands commands, Clock clock, Supplier<String> codes) {
        this.orders = orders;
        this.commands = commands;
        this.clock = clock;
        this.codes = codes;
        this.access = new OrderAccess(orders);
        this.keys = new CommandKeys(commands, clock);
    }

    /** {@code SORRY-} and 8 random characters (31^8 ≈ 8.5·10^11 codes; a taken one is drawn again). */
    public static String newCode() {
        StringBuilder code = new StringBuilder("SORRY-");
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    /** The coupon offered: what the API answers with. */
    public record Offered(String orderId, String code, BigDecimal percentOff, BigDecimal amountOff, String currency,
            Instant validUntil) {
    }

    /** An offer made now, or the one an earlier request with the same {@code Idempotency-Key} made. */
    public record Outcome(Offered offered, boolean replayed) {
    }

    /**
     * Exactly one of {@code percentOff} and {@code amountOff} (validated by the caller's adapter);
     * {@code idempotencyKey} (optional) makes a retry answer with the coupon offered the first time.
     */
    public Outcome offer(String sellerId, String orderId, BigDecimal percentOff, BigDecimal requestedAmountOff,
            String idempotencyKey) {
        OrderCommands.Claim claim = keys.claim(sellerId, idempotencyKey, "compensation", orderId,
                plain(percentOff) + "|" + plain(requestedAmountOff));
        java.util.Optional<String> earlier = keys.earlierResult(claim);
        if (earlier.isPresent()) {
            return new Outcome(offered(sellerId, orderId, earlier.get()), true);
        }
        Order order = access.sellers(sellerId, orderId);
        Currency currency = Currency.getInstance(order.currency());
        if (requestedAmountOff != null && !Money.fitsMinorUnit(requestedAmountOff, currency)) {
            throw ValidationException.of("amountOff", "has more decimals than " + currency.getCurrencyCode()
                    + " allows (" + currency.getDefaultFractionDigits() + ")");
        }
        BigDecimal amountOff = requestedAmountOff == null ? null : new Money(requestedAmountOff, currency).amount();
        for (int attempt = 1; ; attempt++) {
            if (order.delay() == null && orders.timeline(orderId).stream()
                    .noneMatch(entry -> entry.kind() == TimelineEntry.Kind.DELAY)) {
                throw new ConflictException("order-not-delayed", "Order " + orderId
                        + " is not and was not delayed; goodwill compensations are for delayed orders");
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Instant validUntil = now.plus(VALIDITY);
            String code = codes.get();
            String amountCurrency = amountOff == null ? null : order.currency();
            Coupon coupon = new Coupon(sellerId, code, "Goodwill coupon for delayed order " + orderId, percentOff,
                    amountOff, amountCurrency, now, validUntil, 1, 1, 1, 0, now, order.buyer().id());
            Order compensated = order.withCompensation(new Compensation(Compensation.COUPON, code, percentOff,
                    amountOff, amountCurrency, validUntil, now));
            TimelineEntry note = TimelineEntry.note("compensation-" + code, now, order.status(),
                    "Goodwill coupon " + code + " sent", "seller");
            try {
                if (claim == null ? orders.compensate(compensated, List.of(note), coupon)
                        : commands.compensate(compensated, List.of(note), coupon, claim)) {
                    return new Outcome(new Offered(orderId, code, percentOff, amountOff, amountCurrency, validUntil), false);
                }
                // The code is taken (a one in 10^11 draw): draw another.
            } catch (OrderCommands.KeyClaimed e) {
                return new Outcome(offered(sellerId, orderId, keys.claimedResult(claim)), true); // a concurrent retry won
            } catch (VersionConflictException e) {
                // A tracking update or the monitor wrote first: compensate the current order.
                order = access.sellers(sellerId, orderId);
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("Could not store a compensation for " + orderId + " after "
                        + MAX_ATTEMPTS + " attempts");
            }
        }
    }

    /** The compensation with this coupon code, as offered. */
    private Offered offered(String sellerId, String orderId, String code) {
        Compensation c = access.sellers(sellerId, orderId).compensations().stream()
                .filter(candidate -> candidate.couponCode().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Compensation " + code + " of " + orderId + " is missing"));
        return new Offered(orderId, c.couponCode(), c.percentOff(), c.amountOff(), c.currency(), c.validUntil());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}

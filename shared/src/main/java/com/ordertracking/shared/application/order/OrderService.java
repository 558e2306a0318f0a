package com.ordertracking.shared.application.order;

import com.ordertracking.shared.application.ConflictException;
import com.ordertracking.shared.application.InvalidRequestException;
import com.ordertracking.shared.application.UnprocessableException;
import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.application.order.OrderRepository.CreateResult;
import com.ordertracking.shared.application.order.OrderRepository.IdempotencyClaim;
import com.ordertracking.shared.domain.Coupon;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderIds;
import com.ordertracking.shared.domain.Pricing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The seller's order use cases: create (idempotently, optionally redeeming a coupon) and read. */
public final class OrderService {
    /** How long an {@code Idempotency-Key} protects against duplicates. */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final OrderRepository orders;
    private final CouponRepository coupons;
    private final Clock clock;
    private final Supplier<String> orderIds;
    private final OrderAccess access;

    /** Without coupon storage: a {@code couponCode} is then always unknown. */
    public OrderService(OrderRepository orders, Clock clock, Supplier<String> orderIds) {
        this(orders, CouponRepository.none(), clock, orderIds);
    }

    public OrderService(OrderRepository orders, CouponRepository coupons, Clock clock, Supplier<String> orderIds) {
        this.orders = orders;
        this.coupons = coupons;
        this.clock = clock;
        this.orderIds = orderIds;
        this.access = new OrderAccess(orders);
    }

    /** The outcome of a create: the order, and whether it is a replay of an earlier request. */
    public record Created(Order order, boolean replayed) {
    }

    public Created create(String sellerId, NewOrder request, String idempotencyKey) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException("invalid-idempotency-key",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        IdempotencyClaim claim = idempotencyKey == null ? null : new IdempotencyClaim(sellerId, idempotencyKey,
                hash(request), now.plus(IDEMPOTENCY_WINDOW).getEpochSecond());
        Pricing.DiscountRequest discount = request.discount();
        Coupon coupon = null;
        if (request.couponCode() != null) {
            coupon = coupons.find(sellerId, request.couponCode()).orElseThrow(() -> ValidationException.of(
                    "couponCode", "is not one of your coupons: " + request.couponCode()));
            int quantity = request.items().stream().mapToInt(Pricing.LineRequest::quantity).sum();
            Optional<Coupon.Refusal> refusal = coupon.refusalFor(now, request.currency().getCurrencyCode(), quantity,
                    request.buyer().id());
            if (refusal.isPresent()) {
                // A retry of a request that redeemed the coupon before it ran out or expired is still a replay.
                Optional<CreateResult> earlier = claim == null ? Optional.empty() : orders.replay(claim);
                if (earlier.isEmpty()) {
                    throw refused(refusal.get());
                }
                return outcome(earlier.get(), idempotencyKey, coupon);
            }
            discount = coupon.discountRequest();
        }
        Pricing.Priced priced = Pricing.price(request.currency(), request.items(), discount, request.shippingFee());
        Order order = Order.placed(orderIds.get(), sellerId, request.buyer(), priced.items(),
                request.shippingAddress(), request.currency().getCurrencyCode(), priced.discount(),
                priced.totals(), now);
        OrderRepository.CouponRedemption redemption = coupon == null ? null : new OrderRepository.CouponRedemption(
                sellerId, coupon.code(), request.buyer().id(), coupon.maxRedemptions(), coupon.maxRedemptionsPerBuyer());
        return outcome(orders.create(order, claim, redemption), idempotencyKey, coupon);
    }

    private static Created outcome(CreateResult result, String idempotencyKey, Coupon coupon) {
        return switch (result) {
            case CreateResult.Created created -> new Created(created.order(), false);
            case CreateResult.Replayed replayed -> new Created(replayed.order(), true);
            case CreateResult.KeyReused reused -> throw new UnprocessableException("idempotency-key-reused",
                    "Idempotency-Key " + idempotencyKey + " was already used for a different request (order "
                            + reused.existingOrderId() + "); use a new key for a new order");
            case CreateResult.CouponRefused refused -> throw switch (refused.limit()) {
                case OVERALL -> new ConflictException("coupon-exhausted", coupon.exhaustedDetail());
                case PER_BUYER -> new ConflictException("coupon-buyer-limit-reached", coupon.buyerLimitDetail());
            };
        };
    }

    /** The conflict a refused coupon is answered with; the detail says why. */
    public static ConflictException refused(Coupon.Refusal refusal) {
        String slug = switch (refusal.kind()) {
            case NOT_YET_VALID -> "coupon-not-yet-valid";
            case EXPIRED -> "coupon-expired";
            case EXHAUSTED -> "coupon-exhausted";
            case BUYER_LIMIT_REACHED -> "coupon-buyer-limit-reached";
            case NOT_APPLICABLE -> "coupon-not-applicable";
        };
        return new ConflictException(slug, refusal.detail());
    }

    /** The seller's own order; another seller's order is indistinguishable from a missing one. */
    public Order getForSeller(String sellerId, String orderId) {
        return access.sellers(sellerId, orderId);
    }

    /** Canonical hash of a validated request: formatting and field order do not matter. */
    static String hash(NewOrder request) {
        return request.fingerprint();
    }
}

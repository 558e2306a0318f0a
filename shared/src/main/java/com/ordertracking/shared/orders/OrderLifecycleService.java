package com.ordertracking.shared.orders;

import com.ordertracking.shared.aws.AwsClients;
import com.ordertracking.shared.config.Settings;
import com.ordertracking.shared.domain.Cancellation;
import com.ordertracking.shared.domain.Discount;
import com.ordertracking.shared.domain.LineItem;
import com.ordertracking.shared.domain.Money;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStateMachine;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.Pricing;
import com.ordertracking.shared.domain.Refund;
import com.ordertracking.shared.domain.ReturnRequest;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.http.Problem;
import com.ordertracking.shared.http.ProblemException;
import com.ordertracking.shared.persistence.CouponRepository;
import com.ordertracking.shared.persistence.DynamoCouponRepository;
import com.ordertracking.shared.persistence.DynamoOrderRepository;
import com.ordertracking.shared.tracking.DelayRules;
import com.ordertracking.shared.persistence.InvalidCursorException;
import com.ordertracking.shared.persistence.OrderRepository;
import com.ordertracking.shared.persistence.OrderRepository.SellerListing;
import com.ordertracking.shared.persistence.Page;
import com.ordertracking.shared.persistence.VersionConflictException;
import com.ordertracking.shared.validation.FieldError;
import com.ordertracking.shared.validation.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The seller's side of an order's life after creation: listing, editing before shipping,
 * cancelling, refunding and handling returns. Status rules come from {@link OrderStateMachine}
 * only; every write is conditional on the version the change was computed from.
 */
public final class OrderLifecycleService {
    private static final String SELLER = "seller";

    private final OrderRepository orders;
    private final CouponRepository coupons;
    private final Clock clock;

    public OrderLifecycleService(OrderRepository orders, CouponRepository coupons, Clock clock) {
        this.orders = orders;
        this.coupons = coupons;
        this.clock = clock;
    }

    public static OrderLifecycleService fromEnvironment() {
        Settings settings = Settings.fromEnvironment();
        DynamoDbClient dynamoDb = new AwsClients(settings).dynamoDb();
        String table = settings.required("ORDERS_TABLE");
        return new OrderLifecycleService(new DynamoOrderRepository(dynamoDb, table, Clock.systemUTC(), DelayRules.from(settings)),
                new DynamoCouponRepository(dynamoDb, table), Clock.systemUTC());
    }

    public Page list(SellerListing listing) {
        try {
            return orders.listBySeller(listing);
        } catch (InvalidCursorException e) {
            throw ValidationException.of("cursor", e.getMessage());
        }
    }

    /**
     * A new address and/or items while the order is not shipped; {@code expectedVersion} comes from
     * {@code If-Match} and a lost update is a 412.
     */
    public Order edit(String sellerId, String orderId, OrderEdit edit, long expectedVersion) {
        Order order = load(sellerId, orderId);
        if (order.status().isShippedOrLater()) {
            throw new ProblemException(alreadyShipped(order, "its address and items can no longer be changed here;"
                    + " contact the carrier" + carrierOf(order) + " to redirect the parcel"));
        }
        if (order.status() != OrderStatus.PENDING && order.status() != OrderStatus.PROCESSED) {
            throw new ProblemException(Problem.conflict("order-closed",
                    "Order " + orderId + " is " + order.status() + " and can no longer be changed"));
        }
        requireVersion(order, expectedVersion);
        Instant now = now();
        Pricing.Priced repriced = edit.items() == null ? null : reprice(order, edit.items());
        Order changed = order.withEdits(edit.shippingAddress(), repriced, now);
        List<String> what = new ArrayList<>();
        if (edit.shippingAddress() != null) {
            what.add("shipping address");
        }
        if (repriced != null) {
            what.add("items");
        }
        storePreconditioned(changed, List.of(TimelineEntry.note("edited-v" + changed.version(), now, changed.status(),
                "Seller changed the " + String.join(" and ", what), SELLER)));
        return changed;
    }

    /** Cancels before shipping, recording who and why. */
    public Order cancel(String sellerId, String orderId, String reason, OptionalLong expectedVersion) {
        Order order = load(sellerId, orderId);
        if (order.status().isShippedOrLater()) {
            throw new ProblemException(alreadyShipped(order, "it can no longer be cancelled; contact the carrier"
                    + carrierOf(order) + " to intercept it, or handle a return after delivery"));
        }
        expectedVersion.ifPresent(version -> requireVersion(order, version));
        Instant now = now();
        Order cancelled = order.withCancellation(new Cancellation(SELLER, sellerId, reason, now));
        store(cancelled, expectedVersion, List.of(TimelineEntry.statusChanged("cancelled-v" + cancelled.version(),
                now, OrderStatus.CANCELLED, "Cancelled by the seller: " + reason, SELLER)));
        return cancelled;
    }

    /** Refunds once, after a cancellation or a received return. */
    public Order refund(String sellerId, String orderId, OptionalLong expectedVersion) {
        Order order = load(sellerId, orderId);
        if (order.refund() != null) {
            throw new ProblemException(Problem.conflict("already-refunded", "Order " + orderId + " was already refunded ("
                    + order.refund().amount().toPlainString() + " " + order.currency() + " at " + order.refund().at() + ")"));
        }
        if (!OrderStateMachine.canTransition(order.status(), OrderStatus.REFUNDED)) {
            throw new ProblemException(Problem.conflict("illegal-transition", "Order " + orderId + " is "
                    + order.status() + "; only cancelled orders and received returns (RETURNED) can be refunded"));
        }
        expectedVersion.ifPresent(version -> requireVersion(order, version));
        Instant now = now();
        BigDecimal amount = refundAmount(order);
        Order refunded = order.withRefund(new Refund(amount, sellerId, now));
        store(refunded, expectedVersion, List.of(TimelineEntry.statusChanged("refunded-v" + refunded.version(), now,
                OrderStatus.REFUNDED, "Refunded " + amount.toPlainString() + " " + order.currency(), SELLER)));
        return refunded;
    }

    public enum ReturnDecision { APPROVE, REJECT, RECEIVE }

    /** Approves, rejects (with an optional note) or receives the order's return {@code returnId}. */
    public Order decideReturn(String sellerId, String orderId, String returnId, ReturnDecision decision, String note,
            OptionalLong expectedVersion) {
        Order order = load(sellerId, orderId);
        ReturnRequest request = order.returnRequest();
        if (request == null || !request.returnId().equals(returnId)) {
            throw new ProblemException(Problem.notFound("Return " + returnId + " of order " + orderId + " was not found"));
        }
        expectedVersion.ifPresent(version -> requireVersion(order, version));
        Instant now = now();
        Order changed = switch (decision) {
            case APPROVE -> order.withReturnRequest(request.decided(now, note), OrderStatus.RETURN_APPROVED, now);
            case REJECT -> order.withReturnRequest(request.decided(now, note), OrderStatus.RETURN_REJECTED, now);
            case RECEIVE -> order.withReturnRequest(request.received(now), OrderStatus.RETURNED, now);
        };
        String description = switch (decision) {
            case APPROVE -> "Return approved";
            case REJECT -> "Return rejected" + (note == null ? "" : ": " + note);
            case RECEIVE -> "Returned parcel received";
        };
        store(changed, expectedVersion, List.of(TimelineEntry.statusChanged(
                decision.name().toLowerCase(java.util.Locale.ROOT) + "-v" + changed.version(), now, changed.status(), description, SELLER)));
        return changed;
    }

    /**
     * What a refund pays back: the total, or for a return of some items their share of the
     * discounted subtotal (shipping is refunded only with the whole order).
     */
    static BigDecimal refundAmount(Order order) {
        ReturnRequest returned = order.returnRequest();
        if (order.status() != OrderStatus.RETURNED || returned == null || returned.items() == null) {
            return order.totals().total();
        }
        Currency currency = Currency.getInstance(order.currency());
        Map<String, LineItem> lines = order.items().stream().collect(Collectors.toMap(LineItem::sku, Function.identity()));
        Money goods = returned.items().stream()
                .map(item -> new Money(lines.get(item.sku()).unitPrice(), currency).times(item.quantity()))
                .reduce(Money.zero(currency), Money::plus);
        BigDecimal subtotal = order.totals().subtotal();
        if (subtotal.signum() == 0) {
            return BigDecimal.ZERO.setScale(order.totals().total().scale());
        }
        Money discountShare = new Money(order.totals().discount().multiply(goods.amount())
                .divide(subtotal, 10, Money.ROUNDING), currency);
        return goods.minus(discountShare).amount();
    }

    private Pricing.Priced reprice(Order order, List<Pricing.LineRequest> lines) {
        Currency currency = Currency.getInstance(order.currency());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!Money.fitsMinorUnit(lines.get(i).unitPrice(), currency)) {
                errors.add(new FieldError("items[" + i + "].unitPrice", "has more decimals than "
                        + order.currency() + " allows (" + currency.getDefaultFractionDigits() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Discount discount = order.discount();
        if (discount != null && discount.code() != null) {
            int quantity = lines.stream().mapToInt(Pricing.LineRequest::quantity).sum();
            coupons.find(order.sellerId(), discount.code())
                    .flatMap(coupon -> coupon.quantityRefusal(quantity))
                    .ifPresent(refusal -> {
                        throw new ProblemException(OrderService.couponProblem(refusal));
                    });
        }
        Pricing.DiscountRequest rules = discount == null ? null
                : new Pricing.DiscountRequest(discount.code(), discount.description(), discount.percentOff(),
                        discount.amountOff());
        return Pricing.price(currency, lines, rules, order.totals().shipping());
    }

    private Order load(String sellerId, String orderId) {
        return orders.find(orderId)
                .filter(order -> order.sellerId().equals(sellerId))
                .orElseThrow(() -> new ProblemException(Problem.notFound("Order " + orderId + " was not found")));
    }

    static void requireVersion(Order order, long expectedVersion) {
        if (order.version() != expectedVersion) {
            throw new ProblemException(stale(order.orderId()));
        }
    }

    private static Problem stale(String orderId) {
        return Problem.preconditionFailed("Order " + orderId + " has changed since the ETag you sent in If-Match;"
                + " read it again (GET /orders/" + orderId + ") and re-apply your change");
    }

    private void storePreconditioned(Order changed, List<TimelineEntry> entries) {
        store(changed, OptionalLong.of(changed.version() - 1), entries);
    }

    /** A write that lost a race is a 412 when the client sent If-Match, else a 409 (ApiHandler). */
    private void store(Order changed, OptionalLong expectedVersion, List<TimelineEntry> entries) {
        try {
            orders.update(changed, entries);
        } catch (VersionConflictException e) {
            if (expectedVersion.isPresent()) {
                throw new ProblemException(stale(changed.orderId()));
            }
            throw e;
        }
    }

    private static Problem alreadyShipped(Order order, String consequence) {
        return Problem.conflict("order-already-shipped", "Order " + order.orderId() + " is " + order.status()
                + " (already shipped), so " + consequence);
    }

    private static String carrierOf(Order order) {
        Shipment shipment = order.shipment();
        if (shipment == null || shipment.carrier() == null) {
            return "";
        }
        return " (" + shipment.carrier() + (shipment.trackingNumber() == null ? "" : ", tracking number "
                + shipment.trackingNumber()) + ")";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

package com.ordertracking.shared.application.order;

import com.ordertracking.shared.application.ConflictException;
import com.ordertracking.shared.application.FieldError;
import com.ordertracking.shared.application.NotFoundException;
import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.application.order.OrderRepository.SellerListing;
import com.ordertracking.shared.domain.Cancellation;
import com.ordertracking.shared.domain.Discount;
import com.ordertracking.shared.domain.LineItem;
import com.ordertracking.shared.domain.Money;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStateMachine;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.Pricing;
import com.ordertracking.shared.domain.OrderIds;
import com.ordertracking.shared.domain.PartialRefund;
import com.ordertracking.shared.domain.Refund;
import com.ordertracking.shared.domain.RefundRules;
import com.ordertracking.shared.domain.ReturnReceipt;
import com.ordertracking.shared.domain.ReturnRequest;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.TimelineEntry;
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
    private final OrderAccess access;

    public OrderLifecycleService(OrderRepository orders, CouponRepository coupons, Clock clock) {
        this.orders = orders;
        this.coupons = coupons;
        this.clock = clock;
        this.access = new OrderAccess(orders);
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
     * {@code If-Match}; a stale version or a lost race is a {@code StaleVersionException}.
     */
    public Order edit(String sellerId, String orderId, OrderEdit edit, long expectedVersion) {
        Order order = access.sellers(sellerId, orderId);
        if (order.status().isShippedOrLater()) {
            throw alreadyShipped(order, "its address and items can no longer be changed here;"
                    + " contact the carrier" + carrierOf(order) + " to redirect the parcel");
        }
        if (order.status() != OrderStatus.PENDING && order.status() != OrderStatus.PROCESSED) {
            throw new ConflictException("order-closed",
                    "Order " + orderId + " is " + order.status() + " and can no longer be changed");
        }
        OrderAccess.requireVersion(order, OptionalLong.of(expectedVersion));
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
        access.update(changed, OptionalLong.of(expectedVersion), List.of(TimelineEntry.note("edited-v" + changed.version(), now, changed.status(),
                "Seller changed the " + String.join(" and ", what), SELLER)));
        return changed;
    }

    /** Cancels before shipping, recording who and why. */
    public Order cancel(String sellerId, String orderId, String reason, OptionalLong expectedVersion) {
        Order order = access.sellers(sellerId, orderId);
        if (order.status().isShippedOrLater()) {
            throw alreadyShipped(order, "it can no longer be cancelled; contact the carrier"
                    + carrierOf(order) + " to intercept it, or handle a return after delivery");
        }
        OrderAccess.requireVersion(order, expectedVersion);
        Instant now = now();
        Order cancelled = order.withCancellation(new Cancellation(SELLER, sellerId, reason, now));
        access.update(cancelled, expectedVersion, List.of(TimelineEntry.statusChanged("cancelled-v" + cancelled.version(),
                now, OrderStatus.CANCELLED, "Cancelled by the seller: " + reason, SELLER)));
        return cancelled;
    }

    /**
     * Refunds once, after a cancellation or a received return: the total (or the returned items' share) less
     * what partial refunds already paid back; the order becomes REFUNDED.
     */
    public Order refund(String sellerId, String orderId, OptionalLong expectedVersion) {
        Order order = access.sellers(sellerId, orderId);
        if (order.refund() != null) {
            throw new ConflictException("already-refunded", "Order " + orderId + " was already refunded ("
                    + order.refund().amount().toPlainString() + " " + order.currency() + " at " + order.refund().at() + ")");
        }
        if (!OrderStateMachine.canTransition(order.status(), OrderStatus.REFUNDED)) {
            throw new ConflictException("illegal-transition", "Order " + orderId + " is "
                    + order.status() + "; only cancelled orders and received returns (RETURNED) can be refunded");
        }
        OrderAccess.requireVersion(order, expectedVersion);
        Instant now = now();
        // Partial refunds paid before count against it: the refunds never sum above the total.
        BigDecimal amount = refundAmount(order).min(RefundRules.remaining(order));
        PartialRefund entry = amount.signum() == 0 ? null : new PartialRefund(OrderIds.nextRefundId(),
                PartialRefund.Kind.FULL, amount, null, "Order refunded", false, sellerId, now);
        Order refunded = order.withFullRefund(new Refund(amount, sellerId, now), entry);
        access.update(refunded, expectedVersion, List.of(TimelineEntry.statusChanged("refunded-v" + refunded.version(), now,
                OrderStatus.REFUNDED, "Refunded " + amount.toPlainString() + " " + order.currency(), SELLER)));
        return refunded;
    }

    public enum ReturnDecision { APPROVE, REJECT, RECEIVE }

    /** Approves, rejects (with an optional note) or receives the order's return {@code returnId}. */
    public Order decideReturn(String sellerId, String orderId, String returnId, ReturnDecision decision, String note,
            OptionalLong expectedVersion) {
        Order order = access.sellers(sellerId, orderId);
        ReturnRequest request = order.returnRequest();
        if (request == null || !request.returnId().equals(returnId)) {
            throw new NotFoundException("Return " + returnId + " of order " + orderId + " was not found");
        }
        OrderAccess.requireVersion(order, expectedVersion);
        Instant now = now();
        if (decision == ReturnDecision.RECEIVE) {
            // The same transition a return shipment's delivery scan makes (ReturnShipmentTracking).
            ReturnReceipt.Received received = ReturnReceipt.receive(order, now, SELLER, "Returned parcel received");
            access.update(received.order(), expectedVersion, List.of(received.entry()));
            return received.order();
        }
        Order changed = order.withReturnRequest(request.decided(now, note),
                decision == ReturnDecision.APPROVE ? OrderStatus.RETURN_APPROVED : OrderStatus.RETURN_REJECTED, now);
        String description = decision == ReturnDecision.APPROVE ? "Return approved"
                : "Return rejected" + (note == null ? "" : ": " + note);
        access.update(changed, expectedVersion, List.of(TimelineEntry.statusChanged(
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
        Map<String, Integer> units = returned.items().stream()
                .collect(Collectors.toMap(ReturnRequest.ReturnItem::sku, ReturnRequest.ReturnItem::quantity, Integer::sum));
        return RefundRules.priceOf(order, units);
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
                        throw OrderService.refused(refusal);
                    });
        }
        Pricing.DiscountRequest rules = discount == null ? null
                : new Pricing.DiscountRequest(discount.code(), discount.description(), discount.percentOff(),
                        discount.amountOff());
        return Pricing.price(currency, lines, rules, order.totals().shipping());
    }

    private static ConflictException alreadyShipped(Order order, String consequence) {
        return new ConflictException("order-already-shipped", "Order " + order.orderId() + " is " + order.status()
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

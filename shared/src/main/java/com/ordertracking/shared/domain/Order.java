package com.ordertracking.shared.domain;

import com.ordertracking.shared.domain.seller.SellerSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * An order as sellers and buyers see it. {@code version} increases by one with every stored change
 * and guards every write (optimistic locking); the API exposes it as the {@code ETag}.
 * {@code cancellation}, {@code refund}, {@code returnRequest}, {@code feedback}, {@code delay} and
 * {@code cancellationRequest} are null until they happen; {@code refunds} lists every refund paid, partial or full.
 * {@code seller} is what the order copied from the seller's profile (display name at creation, ship-from
 * warehouse at shipping); null before the seller had a profile.
 */
public record Order(
        String orderId,
        String sellerId,
        Buyer buyer,
        List<LineItem> items,
        Address shippingAddress,
        String currency,
        Discount discount,
        Totals totals,
        OrderStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Shipment shipment,
        Cancellation cancellation,
        Refund refund,
        ReturnRequest returnRequest,
        Feedback feedback,
        Delay delay,
        List<Compensation> compensations,
        CancellationRequest cancellationRequest,
        List<PartialRefund> refunds,
        SellerSnapshot seller,
        List<PackageSummary> packages) {

    public Order {
        // Orders stored before packages existed (one embedded shipment) have none.
        packages = packages == null ? List.of() : List.copyOf(packages);
        items = List.copyOf(items);
        // Orders stored before compensations existed have none.
        compensations = compensations == null ? List.of() : List.copyOf(compensations);
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
    }

    /** An order without cancellation request or refunds (as stored before they existed). */
    public Order(String orderId, String sellerId, Buyer buyer, List<LineItem> items, Address shippingAddress,
            String currency, Discount discount, Totals totals, OrderStatus status, long version, Instant createdAt,
            Instant updatedAt, Shipment shipment, Cancellation cancellation, Refund refund, ReturnRequest returnRequest,
            Feedback feedback, Delay delay, List<Compensation> compensations) {
        this(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals, status, version, createdAt,
                updatedAt, shipment, cancellation, refund, returnRequest, feedback, delay, compensations, null, List.of(),
                null, List.of());
    }

    /** An order without seller snapshot and packages (as stored before they existed, or not shipped yet). */
    public Order(String orderId, String sellerId, Buyer buyer, List<LineItem> items, Address shippingAddress,
            String currency, Discount discount, Totals totals, OrderStatus status, long version, Instant createdAt,
            Instant updatedAt, Shipment shipment, Cancellation cancellation, Refund refund, ReturnRequest returnRequest,
            Feedback feedback, Delay delay, List<Compensation> compensations, CancellationRequest cancellationRequest,
            List<PartialRefund> refunds) {
        this(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals, status, version, createdAt,
                updatedAt, shipment, cancellation, refund, returnRequest, feedback, delay, compensations,
                cancellationRequest, refunds, null, List.of());
    }

    /** A new order, version 1, with nothing of its later life yet (and no seller snapshot). */
    public static Order placed(String orderId, String sellerId, Buyer buyer, List<LineItem> items,
            Address shippingAddress, String currency, Discount discount, Totals totals, Instant at) {
        return placed(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals, at, null);
    }

    /** A new order, version 1, with what it copies from the seller's profile ({@code seller}, may be null). */
    public static Order placed(String orderId, String sellerId, Buyer buyer, List<LineItem> items,
            Address shippingAddress, String currency, Discount discount, Totals totals, Instant at,
            SellerSnapshot seller) {
        return new Order(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals,
                OrderStatus.PENDING, 1, at, at, null, null, null, null, null, null, List.of(), null, List.of(), seller, List.of());
    }

    /**
     * The same order with the warehouse it ships from copied into its seller snapshot, <em>same version</em>:
     * folded into the ship change (the profile may change later; the order keeps what it shipped from).
     */
    public Order shippingFrom(com.ordertracking.shared.domain.seller.Warehouse warehouse) {
        SellerSnapshot next = (seller == null ? new SellerSnapshot(null, null) : seller).withShipFrom(warehouse);
        return new Order(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals,
                status, version, createdAt, updatedAt, shipment, cancellation, refund, returnRequest, feedback, delay,
                compensations, cancellationRequest, refunds, next, packages);
    }

    /** The same order in a new status, one version later. */
    public Order withStatus(OrderStatus next, Instant at) {
        OrderStateMachine.transition(status, next);
        return new Order(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals,
                next, version + 1, createdAt, at, shipment, cancellation, refund, returnRequest, feedback, delay, compensations, cancellationRequest, refunds, seller, packages);
    }

    /**
     * The same order with a new shipment and, when {@code next} differs from the current status, a new
     * status (checked by {@link OrderStateMachine}), all in one version step: a tracking update or a
     * shipping is one stored change.
     */
    public Order withShipmentAndStatus(Shipment newShipment, OrderStatus next, Instant at) {
        if (next != status) {
            OrderStateMachine.transition(status, next);
        }
        return new Order(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals,
                next, version + 1, createdAt, at, newShipment, cancellation, refund, returnRequest, feedback, delay, compensations, cancellationRequest, refunds, seller, packages);
    }

    /** The same order with a new shipment, one version later (the status is unchanged). */
    public Order withShipment(Shipment newShipment, Instant at) {
        return new Order(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals,
                status, version + 1, createdAt, at, newShipment, cancellation, refund, returnRequest, feedback, delay, compensations, cancellationRequest, refunds, seller, packages);
    }

    /**
     * A new shipping address and/or re-priced line items (null = unchanged), one version later;
     * callers check that the order may still change.
     */
    public Order withEdits(Address newAddress, Pricing.Priced repriced, Instant at) {
        return new Order(orderId, sellerId, buyer,
                repriced == null ? items : repriced.items(),
                newAddress == null ? shippingAddress : newAddress,
                currency,
                repriced == null ? discount : repriced.discount(),
                repriced == null ? totals : repriced.totals(),
                status, version + 1, createdAt, at, shipment, cancellation, refund, returnRequest, feedback, delay, compensations, cancellationRequest, refunds, seller, packages);
    }

    /** Cancelled (a legal transition only before shipping), recording who and why. */
    public Order withCancellation(Cancellation newCancellation) {
        OrderStateMachine.transition(status, OrderStatus.CANCELLED);
        return new Order(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals,
                OrderStatus.CANCELLED, version + 1, createdAt, newCancellation.at(), shipment, newCancellation,
                refund, returnRequest, feedback, delay, compensations, cancellationRequest, refunds, seller, packages);
    }

    /** Refunded (after a cancellation or a received return). */
    public Order withRefund(Refund newRefund) {
        OrderStateMachine.transition(status, OrderStatus.REFUNDED);
        return new Order(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals,
                OrderStatus.REFUNDED, version + 1, createdAt, newRefund.at(), shipment, cancellation, newRefund,
                returnRequest, feedback, delay, compensations, cancellationRequest, refunds, seller, packages);
    }

    /** A return requested, approved, rejected or received: the request's new state and the order's next status. */
    public Order withReturnRequest(ReturnRequest request, OrderStatus next, Instant at) {
        OrderStateMachine.transition(status, next);
        return new Order(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals,
                next, version + 1, createdAt, at, shipment, cancellation, refund, request, feedback, delay, compensations, cancellationRequest, refunds, seller, packages);
    }

    /** The buyer's feedback, one version later (the status is unchanged). */
    public Order withFeedback(Feedback newFeedback) {
        return new Order(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals,
                status, version + 1, createdAt, newFeedback.at(), shipment, cancellation, refund, returnRequest,
                newFeedback, delay, compensations, cancellationRequest, refunds, seller, packages);
    }

    /** The same order with its delay flag set, revised or cleared ({@code null}), one version later. */
    public Order withDelay(Delay newDelay, Instant at) {
        return new Order(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals,
                status, version + 1, createdAt, at, shipment, cancellation, refund, returnRequest, feedback, newDelay,
                compensations, cancellationRequest, refunds, seller, packages);
    }

    /**
     * The same order, <em>same version</em>, with another delay flag: folds a delay change into a change
     * already being made (a tracking update that clears, revises or raises the flag is one stored change).
     */
    public Order replacingDelay(Delay newDelay) {
        return new Order(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals,
                status, version, createdAt, updatedAt, shipment, cancellation, refund, returnRequest, feedback,
                newDelay, compensations, cancellationRequest, refunds, seller, packages);
    }

    /** A goodwill compensation offered to the buyer, one version later (the status is unchanged). */
    public Order withCompensation(Compensation compensation) {
        List<Compensation> next = new java.util.ArrayList<>(compensations);
        next.add(compensation);
        return new Order(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals,
                status, version + 1, createdAt, compensation.offeredAt(), shipment, cancellation, refund,
                returnRequest, feedback, delay, next, cancellationRequest, refunds, seller, packages);
    }

    /** A buyer's cancellation request filed or decided, one version later (the status is unchanged). */
    public Order withCancellationRequest(CancellationRequest request, Instant at) {
        return new Order(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals,
                status, version + 1, createdAt, at, shipment, cancellation, refund, returnRequest, feedback, delay,
                compensations, request, refunds, seller, packages);
    }

    /**
     * The same order, <em>same version</em>, with another cancellation request: folds a decision into a change
     * already being made (an approval's cancellation, a shipping that rejects a pending request).
     */
    public Order replacingCancellationRequest(CancellationRequest request) {
        return new Order(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals,
                status, version, createdAt, updatedAt, shipment, cancellation, refund, returnRequest, feedback, delay,
                compensations, request, refunds, seller, packages);
    }

    /** One more refund of part of what was paid, one version later (the status is unchanged). */
    public Order withPartialRefund(PartialRefund added) {
        return withRefunds(added, version + 1, added.at());
    }

    /** The full refund (REFUNDED), recording the amount it paid back in {@code refunds} too (null: nothing left to pay). */
    public Order withFullRefund(Refund newRefund, PartialRefund entry) {
        Order refunded = withRefund(newRefund);
        return entry == null ? refunded : refunded.withRefunds(entry, refunded.version, refunded.updatedAt);
    }

    private Order withRefunds(PartialRefund added, long newVersion, Instant at) {
        List<PartialRefund> next = new java.util.ArrayList<>(refunds);
        next.add(added);
        return new Order(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals,
                status, newVersion, createdAt, at, shipment, cancellation, refund, returnRequest, feedback, delay,
                compensations, cancellationRequest, next, seller, packages);
    }

    /** The sum of {@code refunds}, at the currency's scale (what was paid back so far). */
    public java.math.BigDecimal refundedTotal() {
        java.math.BigDecimal zero = totals == null || totals.total() == null ? java.math.BigDecimal.ZERO
                : java.math.BigDecimal.ZERO.setScale(totals.total().scale());
        return refunds.stream().map(PartialRefund::amount).reduce(zero, java.math.BigDecimal::add);
    }

    /**
     * The order after a package change: its package summaries, status, shipment summary and delay flag as
     * {@code tracking.OrderFulfilment} computed them, one version later (a status change is checked by
     * {@link OrderStateMachine}).
     */
    public Order withPackages(List<PackageSummary> newPackages, OrderStatus next, Shipment newShipment, Delay newDelay,
            Instant at) {
        if (next != status) {
            OrderStateMachine.transition(status, next);
        }
        return new Order(orderId, sellerId, buyer, items, shippingAddress, currency, discount, totals,
                next, version + 1, createdAt, at, newShipment, cancellation, refund, returnRequest, feedback, newDelay,
                compensations, cancellationRequest, refunds, seller, newPackages);
    }

    /** Whether this order ships in packages (stored as their own items), as opposed to one embedded shipment. */
    public boolean hasPackages() {
        return !packages.isEmpty();
    }

    /** Whether the parcel reached the buyer (the order may since have moved on into a return). */
    public boolean wasDelivered() {
        return status == OrderStatus.DELIVERED || returnRequest != null
                // Packages: DELIVERED is the status once every unit is packed and every package delivered.
                || (!hasPackages() && shipment != null && shipment.deliveredAt() != null);
    }

    /** The number of units ordered, over all lines (coupons' bundle rule). */
    public int totalQuantity() {
        return items.stream().mapToInt(LineItem::quantity).sum();
    }
}

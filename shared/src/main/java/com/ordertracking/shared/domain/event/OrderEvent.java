package com.ordertracking.shared.domain.event;

import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.ShipmentStatus;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One domain event on the {@code order-events} topic, schema version 1 (docs/events.md). The
 * envelope fields are always present; the sections are present by event type:
 * {@code order} (OrderCreated), {@code previousStatus} (OrderStatusChanged), {@code shipment}
 * (whenever the order has one), {@code previousShipment} (ShipmentUpdated), {@code delay}
 * (DeliveryDelayed), {@code returnRequest} (ReturnUpdated), {@code refund} (RefundIssued),
 * {@code compensation} (CompensationOffered), {@code cancellationRequest} (CancellationRequestUpdated),
 * {@code pkg} (PackageUpdated; also on the other events of a change caused by one package of an order shipped in
 * several, so texts can name it).
 * No buyer contact data travels in events: the notifier reads preferences itself.
 * {@code destinationTimeZone} is the IANA zone of the shipping address (no address detail), so that texts
 * for the buyer show local dates; absent when the destination's zone is unknown (texts then say UTC).
 * {@code sellerDisplayName} is the shop name the order copied from the seller's profile (absent for orders
 * placed before the seller had one), so buyer texts can name the shop without a lookup. {@code pkg} names the
 * package a change is about when the order ships in several (absent otherwise).
 *
 * @param eventId    deterministic ({@code orderId:v<orderVersion>:<eventType>}) so consumers can dedupe
 * @param occurredAt the order's {@code updatedAt} of the change
 */
public record OrderEvent(
        int schemaVersion,
        String eventId,
        OrderEventType eventType,
        Instant occurredAt,
        String orderId,
        long orderVersion,
        String sellerId,
        String buyerId,
        OrderStatus status,
        OrderStatus previousStatus,
        OrderSummary order,
        ShipmentInfo shipment,
        ShipmentInfo previousShipment,
        DelayInfo delay,
        ReturnInfo returnRequest,
        RefundInfo refund,
        CompensationInfo compensation,
        String destinationTimeZone,
        CancellationRequestInfo cancellationRequest,
        String sellerDisplayName,
        PackageInfo pkg) {

    public static final int SCHEMA_VERSION = 1;

    /** An event without a cancellation request section (every type but CancellationRequestUpdated). */
    public OrderEvent(int schemaVersion, String eventId, OrderEventType eventType, Instant occurredAt, String orderId,
            long orderVersion, String sellerId, String buyerId, OrderStatus status, OrderStatus previousStatus,
            OrderSummary order, ShipmentInfo shipment, ShipmentInfo previousShipment, DelayInfo delay,
            ReturnInfo returnRequest, RefundInfo refund, CompensationInfo compensation, String destinationTimeZone) {
        this(schemaVersion, eventId, eventType, occurredAt, orderId, orderVersion, sellerId, buyerId, status,
                previousStatus, order, shipment, previousShipment, delay, returnRequest, refund, compensation,
                destinationTimeZone, null, null, null);
    }

    /** An event without a seller display name and package section. */
    public OrderEvent(int schemaVersion, String eventId, OrderEventType eventType, Instant occurredAt, String orderId,
            long orderVersion, String sellerId, String buyerId, OrderStatus status, OrderStatus previousStatus,
            OrderSummary order, ShipmentInfo shipment, ShipmentInfo previousShipment, DelayInfo delay,
            ReturnInfo returnRequest, RefundInfo refund, CompensationInfo compensation, String destinationTimeZone,
            CancellationRequestInfo cancellationRequest) {
        this(schemaVersion, eventId, eventType, occurredAt, orderId, orderVersion, sellerId, buyerId, status,
                previousStatus, order, shipment, previousShipment, delay, returnRequest, refund, compensation,
                destinationTimeZone, cancellationRequest, null, null);
    }

    public static String eventId(String orderId, long version, OrderEventType type) {
        return orderId + ":v" + version + ":" + type.name();
    }

    /** A package's event: the package is part of the id, so each package change is notified once. */
    public static String eventId(String orderId, long version, OrderEventType type, String packageId) {
        return eventId(orderId, version, type) + ":" + packageId;
    }

    /**
     * One package of an order shipped in several: {@code number} of {@code count} packages so far
     * ({@code complete} false while units are still to be packed), its status (null until the first scan);
     * {@code shipped}: the package is new in this change; {@code delay}: its flag (null when on time).
     */
    public record PackageInfo(String packageId, int number, int count, boolean complete, String carrier,
            String trackingNumber, ShipmentStatus status, ShipmentStatus previousStatus, Instant estimatedDelivery,
            boolean shipped, DelayInfo delay) {
    }

    /** What was ordered, for OrderCreated. */
    public record OrderSummary(String currency, BigDecimal total, int itemCount, Instant createdAt) {
    }

    /** The parcel: carrier, number, normalized status and the current estimate. */
    public record ShipmentInfo(String carrier, String trackingNumber, ShipmentStatus status,
            Instant estimatedDelivery, Instant shippedAt, Instant lastEventAt, Instant deliveredAt) {
    }

    /** The delay flag (a reason, not a status). */
    public record DelayInfo(Delay.Reason reason, Instant detectedAt, Instant expectedBy) {
    }

    /**
     * Where a buyer's return stands; {@code receivedBy} (RECEIVED only) is {@code seller} when the seller marked
     * it received, or the carrier slug whose delivery scan of the return shipment did.
     */
    public record ReturnInfo(String returnId, ReturnState state, String reason, String decisionNote, String receivedBy) {
    }

    public enum ReturnState { REQUESTED, APPROVED, REJECTED, RECEIVED }

    /**
     * One refund paid: {@code kind} PARTIAL ({@code POST /orders/{id}/refunds}) or FULL (the refund of a cancelled
     * or returned order); {@code refundedTotal} is the order's sum of refunds after it, {@code orderTotal} what was
     * paid (spending net of refunds = orderTotal − refundedTotal).
     */
    public record RefundInfo(BigDecimal amount, String currency, Instant at, String refundId, String kind,
            BigDecimal refundedTotal, BigDecimal orderTotal, Boolean returnless, String reason) {

        public RefundInfo(BigDecimal amount, String currency, Instant at) {
            this(amount, currency, at, null, null, null, null, null, null);
        }
    }

    /** A buyer's cancellation request: filed (PENDING), APPROVED or REJECTED ({@code decidedBy} seller or system). */
    public record CancellationRequestInfo(String state, String reason, String decidedBy, String decisionReason) {
    }

    /** A seller's goodwill coupon for the buyer: {@code percentOff} or {@code amountOff} (in {@code currency}). */
    public record CompensationInfo(String type, String couponCode, BigDecimal percentOff, BigDecimal amountOff,
            String currency, Instant validUntil, Instant offeredAt) {
    }
}

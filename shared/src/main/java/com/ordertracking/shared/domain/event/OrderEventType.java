package com.ordertracking.shared.domain.event;

/** The domain events the outbox publisher derives from order changes (docs/events.md). */
public enum OrderEventType {
    OrderCreated,
    OrderStatusChanged,
    ShipmentUpdated,
    DeliveryDelayed,
    ReturnUpdated,
    RefundIssued,
    CompensationOffered,
    /** A buyer's cancellation request was filed, approved or rejected (by the seller, or by shipping). */
    CancellationRequestUpdated,
    /** A package of an order shipped in several packages was shipped or changed status (issue 11). */
    PackageUpdated
}

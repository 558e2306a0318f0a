package com.ordertracking.shared.domain.notification;

/**
 * The moments a buyer hears about: what {@code optOuts} in the buyer's preferences name. Several
 * domain events map onto these (docs/notifications.md).
 */
public enum BuyerMessage {
    ORDER_CONFIRMED,
    SHIPPED,
    OUT_FOR_DELIVERY,
    DELIVERED,
    DELIVERY_DELAYED,
    CANCELLED,
    RETURN_UPDATED,
    REFUND_ISSUED,
    COMPENSATION_OFFERED,
    /** The buyer's cancellation request was rejected (an approval is the CANCELLED message). */
    CANCELLATION_DECLINED
}

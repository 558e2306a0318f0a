package com.ordertracking.shared.application.notification;

/** Where one message goes; with the order and event it names one entry of the {@link NotificationLedger}. */
public enum Channel {
    BUYER_SMS,
    BUYER_EMAIL,
    SELLER_SMS,
    SELLER_EMAIL
}

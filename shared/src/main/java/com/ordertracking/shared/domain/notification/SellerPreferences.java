package com.ordertracking.shared.domain.notification;

import java.time.Instant;
import java.util.List;

/**
 * Where a seller's alerts go: an email address (via its subscription to the {@code seller-alerts}
 * topic) and/or a phone for SMS; {@code alerts} names which alerts are wanted.
 */
public record SellerPreferences(String sellerId, String email, String phone, List<SellerAlert> alerts,
        String emailSubscriptionArn, long version, Instant updatedAt) {

    public SellerPreferences {
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    /** No alert destination until the seller sets one. */
    public static SellerPreferences defaults(String sellerId) {
        return new SellerPreferences(sellerId, null, null, List.of(SellerAlert.values()), null, 0, null);
    }

    public boolean wantsSms(SellerAlert alert) {
        return phone != null && alerts.contains(alert);
    }

    public boolean wantsEmail(SellerAlert alert) {
        return emailSubscriptionArn != null && alerts.contains(alert);
    }
}

package com.ordertracking.shared.domain.notification;

import java.time.Instant;
import java.util.List;

/**
 * How a buyer wants to hear about orders. {@code emailSubscriptionArn} is the buyer's
 * subscription to the {@code buyer-email} topic while the email channel is on (internal, not in the
 * API). {@code version} guards concurrent updates; 0 means never stored (the defaults).
 */
public record BuyerPreferences(String buyerId, String email, String phone, Channels channels,
        List<BuyerMessage> optOuts, String emailSubscriptionArn, long version, Instant updatedAt) {

    public record Channels(boolean sms, boolean email) {
    }

    public BuyerPreferences {
        optOuts = optOuts == null ? List.of() : List.copyOf(optOuts);
        channels = channels == null ? new Channels(false, false) : channels;
    }

    /**
     * Nothing is sent until the buyer chooses: SMS needs the buyer's consent, and an SNS email
     * subscription needs the buyer to confirm it anyway.
     */
    public static BuyerPreferences defaults(String buyerId) {
        return new BuyerPreferences(buyerId, null, null, new Channels(false, false), List.of(), null, 0, null);
    }

    public boolean wantsSms(BuyerMessage message) {
        return channels.sms() && phone != null && !optOuts.contains(message);
    }

    public boolean wantsEmail(BuyerMessage message) {
        return channels.email() && emailSubscriptionArn != null && !optOuts.contains(message);
    }
}

package com.ordertracking.shared.domain.notification;

/**
 * One rendered message for one party: the SMS text and the email subject and body. {@code kind}
 * names the moment (a {@link BuyerMessage} or {@link SellerAlert} name) for preferences and logs.
 */
public record Notification(Audience audience, String kind, String sms, String subject, String email) {

    public enum Audience { BUYER, SELLER }

    public BuyerMessage buyerMessage() {
        return BuyerMessage.valueOf(kind);
    }

    public SellerAlert sellerAlert() {
        return SellerAlert.valueOf(kind);
    }
}

package com.ordertracking.shared.adapters.messaging;

import com.ordertracking.shared.adapters.persistence.NotificationLedger;
import com.ordertracking.shared.adapters.persistence.PreferencesRepository;
import com.ordertracking.shared.application.notification.PreferencesStore;
import com.ordertracking.shared.domain.event.OrderEvent;
import com.ordertracking.shared.domain.notification.BuyerMessage;
import com.ordertracking.shared.domain.notification.BuyerPreferences;
import com.ordertracking.shared.domain.notification.Notification.Audience;
import com.ordertracking.shared.domain.notification.Notification;
import com.ordertracking.shared.domain.notification.NotificationTemplates;
import com.ordertracking.shared.domain.notification.SellerAlert;
import com.ordertracking.shared.domain.notification.SellerPreferences;
import com.ordertracking.shared.domain.tracking.TrackingLinks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Turns one domain event into the messages its buyer and seller asked for, each sent at most once
 * in effect ({@link NotificationLedger}). SMS: SNS {@code Publish(PhoneNumber)}, transactional.
 * Email: a publish to the {@code buyer-email} (or {@code seller-alerts}) topic with the party's id
 * as message attribute, which only that party's email subscription lets through.
 */
public final class Notifier {
    private final NotificationTemplates templates;
    private final PreferencesStore preferences;
    private final NotificationLedger ledger;
    private final SnsClient sns;
    private final String buyerEmailTopicArn;
    private final String sellerAlertsTopicArn;

    public Notifier(NotificationTemplates templates, PreferencesStore preferences, NotificationLedger ledger,
            SnsClient sns, String buyerEmailTopicArn, String sellerAlertsTopicArn) {
        this.templates = templates;
        this.preferences = preferences;
        this.ledger = ledger;
        this.sns = sns;
        this.buyerEmailTopicArn = buyerEmailTopicArn;
        this.sellerAlertsTopicArn = sellerAlertsTopicArn;
    }


    /** What happened to one message on one channel. */
    public record Delivery(String channel, String kind, Status status) {
        public enum Status { SENT, ALREADY_SENT }
    }

    /** A send that did not happen (SNS unavailable, or another sender holds the claim); the event must be retried. */
    public static final class DeliveryFailedException extends RuntimeException {
        public DeliveryFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Sends what {@code event} means to whoever wants it. Every channel is attempted; if any failed,
     * throws after the others were sent (and recorded), so a retry only sends what is missing.
     */
    public List<Delivery> notify(OrderEvent event) {
        List<Notification> notifications = templates.render(event);
        List<Delivery> deliveries = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        BuyerPreferences buyer = null;
        SellerPreferences seller = null;
        for (Notification n : notifications) {
            if (n.audience() == Audience.BUYER) {
                buyer = buyer != null ? buyer : preferences.buyer(event.buyerId())
                        .orElse(BuyerPreferences.defaults(event.buyerId()));
                BuyerMessage kind = n.buyerMessage();
                BuyerPreferences p = buyer;
                if (p.wantsSms(kind)) {
                    send(event, "BUYER_SMS", n, () -> sms(p.phone(), n.sms()), deliveries, failures);
                }
                if (p.wantsEmail(kind)) {
                    send(event, "BUYER_EMAIL", n, () -> email(buyerEmailTopicArn, "buyerId", event.buyerId(), n),
                            deliveries, failures);
                }
            } else {
                seller = seller != null ? seller : preferences.seller(event.sellerId())
                        .orElse(SellerPreferences.defaults(event.sellerId()));
                SellerAlert kind = n.sellerAlert();
                SellerPreferences p = seller;
                if (p.wantsSms(kind)) {
                    send(event, "SELLER_SMS", n, () -> sms(p.phone(), n.sms()), deliveries, failures);
                }
                if (p.wantsEmail(kind)) {
                    send(event, "SELLER_EMAIL", n, () -> email(sellerAlertsTopicArn, "sellerId", event.sellerId(), n),
                            deliveries, failures);
                }
            }
        }
        if (!failures.isEmpty()) {
            DeliveryFailedException failed = new DeliveryFailedException(failures.size() + " of "
                    + (failures.size() + deliveries.size()) + " deliveries failed for " + event.eventId(),
                    failures.getFirst());
            failures.stream().skip(1).forEach(failed::addSuppressed);
            throw failed;
        }
        return deliveries;
    }

    private void send(OrderEvent event, String channel, Notification n, Supplier<String> publish,
            List<Delivery> deliveries, List<RuntimeException> failures) {
        NotificationLedger.Claim claim = ledger.claim(event.orderId(), event.eventId(), channel);
        switch (claim) {
            case NotificationLedger.Claim.AlreadySent ignored ->
                    deliveries.add(new Delivery(channel, n.kind(), Delivery.Status.ALREADY_SENT));
            case NotificationLedger.Claim.Busy busy ->
                    failures.add(new DeliveryFailedException("claim held by another sender: " + busy.key(), null));
            case NotificationLedger.Claim.Granted granted -> {
                String messageId;
                try {
                    messageId = publish.get();
                } catch (RuntimeException e) {
                    ledger.release(granted);
                    failures.add(e);
                    return;
                }
                ledger.markSent(granted, messageId);
                deliveries.add(new Delivery(channel, n.kind(), Delivery.Status.SENT));
            }
        }
    }

    private String sms(String phone, String text) {
        return sns.publish(p -> p.phoneNumber(phone).message(text).messageAttributes(Map.of(
                "AWS.SNS.SMS.SMSType", MessageAttributeValue.builder().dataType("String").stringValue("Transactional")
                        .build()))).messageId();
    }

    private String email(String topicArn, String attribute, String id, Notification n) {
        return sns.publish(p -> p.topicArn(topicArn).subject(n.subject()).message(n.email()).messageAttributes(Map.of(
                attribute, MessageAttributeValue.builder().dataType("String").stringValue(id).build()))).messageId();
    }
}

package com.ordertracking.shared.application.notification;

import com.ordertracking.shared.domain.event.OrderEvent;
import com.ordertracking.shared.domain.notification.BuyerMessage;
import com.ordertracking.shared.domain.notification.BuyerPreferences;
import com.ordertracking.shared.domain.notification.Notification;
import com.ordertracking.shared.domain.notification.Notification.Audience;
import com.ordertracking.shared.domain.notification.NotificationTemplates;
import com.ordertracking.shared.domain.notification.SellerAlert;
import com.ordertracking.shared.domain.notification.SellerPreferences;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns one domain event into the messages its buyer and seller asked for: the templates say which moments
 * deserve a message, each party's preferences (read when the message is sent) which channels it goes to,
 * and the {@link NotificationLedger} makes each order + event + channel happen at most once in effect. SMS
 * goes before email for each message.
 */
public final class Notifier {
    private final NotificationTemplates templates;
    private final PreferencesStore preferences;
    private final NotificationLedger ledger;
    private final MessageSender sender;

    public Notifier(NotificationTemplates templates, PreferencesStore preferences, NotificationLedger ledger,
            MessageSender sender) {
        this.templates = templates;
        this.preferences = preferences;
        this.ledger = ledger;
        this.sender = sender;
    }

    /** What happened to one message on one channel. */
    public record Delivery(Channel channel, String kind, Status status) {
        public enum Status { SENT, ALREADY_SENT }
    }

    /** A send that did not happen (the sender failed, or another sender holds the claim); the event must be retried. */
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
        List<Delivery> deliveries = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        BuyerPreferences buyer = null;
        SellerPreferences seller = null;
        for (Notification n : templates.render(event)) {
            if (n.audience() == Audience.BUYER) {
                buyer = buyer != null ? buyer : preferences.buyer(event.buyerId())
                        .orElse(BuyerPreferences.defaults(event.buyerId()));
                BuyerMessage kind = n.buyerMessage();
                String phone = buyer.phone();
                if (buyer.wantsSms(kind)) {
                    send(event, Channel.BUYER_SMS, n, () -> sender.sendSms(phone, n.sms()), deliveries, failures);
                }
                if (buyer.wantsEmail(kind)) {
                    send(event, Channel.BUYER_EMAIL, n,
                            () -> sender.sendEmail(Audience.BUYER, event.buyerId(), n.subject(), n.email()),
                            deliveries, failures);
                }
            } else {
                seller = seller != null ? seller : preferences.seller(event.sellerId())
                        .orElse(SellerPreferences.defaults(event.sellerId()));
                SellerAlert kind = n.sellerAlert();
                String phone = seller.phone();
                if (seller.wantsSms(kind)) {
                    send(event, Channel.SELLER_SMS, n, () -> sender.sendSms(phone, n.sms()), deliveries, failures);
                }
                if (seller.wantsEmail(kind)) {
                    send(event, Channel.SELLER_EMAIL, n,
                            () -> sender.sendEmail(Audience.SELLER, event.sellerId(), n.subject(), n.email()),
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

    /** Claim → send → mark sent; a failed send gives the claim back and is collected in {@code failures}. */
    private void send(OrderEvent event, Channel channel, Notification n, Supplier<String> send,
            List<Delivery> deliveries, List<RuntimeException> failures) {
        switch (ledger.claim(event.orderId(), event.eventId(), channel)) {
            case NotificationLedger.Claim.AlreadySent ignored ->
                    deliveries.add(new Delivery(channel, n.kind(), Delivery.Status.ALREADY_SENT));
            case NotificationLedger.Claim.Busy busy ->
                    failures.add(new DeliveryFailedException("claim held by another sender: " + busy.key(), null));
            case NotificationLedger.Claim.Granted granted -> {
                String messageId;
                try {
                    messageId = send.get();
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
}

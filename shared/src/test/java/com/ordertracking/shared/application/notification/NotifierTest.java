package com.ordertracking.shared.application.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.ordertracking.shared.application.notification.Notifier.Delivery;
import com.ordertracking.shared.application.notification.Notifier.Delivery.Status;
import com.ordertracking.shared.application.notification.Notifier.DeliveryFailedException;
import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.event.OrderEvent;
import com.ordertracking.shared.domain.event.OrderEventType;
import com.ordertracking.shared.domain.notification.BuyerMessage;
import com.ordertracking.shared.domain.notification.BuyerPreferences;
import com.ordertracking.shared.domain.notification.Notification;
import com.ordertracking.shared.domain.notification.Notification.Audience;
import com.ordertracking.shared.domain.notification.NotificationTemplates;
import com.ordertracking.shared.domain.notification.SellerAlert;
import com.ordertracking.shared.domain.notification.SellerPreferences;
import com.ordertracking.shared.domain.tracking.TrackingLinks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The delivery rules of the notifier (who gets what, once) against in-memory ports. */
class NotifierTest {
    private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");
    private static final String ORDER = "ord_0123456789abcdefghjk";
    private static final String BUYER = "buyer-1";
    private static final String SELLER = "seller-1";
    private static final String BUYER_PHONE = "+15550000001";
    private static final String SELLER_PHONE = "+15550000002";
    private static final NotificationTemplates TEMPLATES =
            new NotificationTemplates(new TrackingLinks("https://shop.example.com", "test-secret-0123456789"));

    private final InMemoryPreferences preferences = new InMemoryPreferences();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final RecordingSender sender = new RecordingSender();
    private final Notifier notifier = new Notifier(TEMPLATES, preferences, ledger, sender);

    @Test
    void a_shipped_event_goes_to_every_chosen_channel_sms_first_with_the_rendered_texts() {
        preferences.put(buyer(true, true, List.of()));
        OrderEvent shipped = statusChanged(OrderStatus.SHIPPED, 3);
        Notification rendered = TEMPLATES.render(shipped).getFirst();

        List<Delivery> deliveries = notifier.notify(shipped);

        assertThat(deliveries).containsExactly(new Delivery(Channel.BUYER_SMS, "SHIPPED", Status.SENT),
                new Delivery(Channel.BUYER_EMAIL, "SHIPPED", Status.SENT));
        assertThat(sender.sent).containsExactly(
                new Sent("sms", BUYER_PHONE, rendered.sms()),
                new Sent("email", "BUYER:" + BUYER, rendered.subject() + "\n" + rendered.email()));
        assertThat(ledger.sent).containsOnlyKeys(key(shipped, Channel.BUYER_SMS), key(shipped, Channel.BUYER_EMAIL))
                .containsValues("msg-1", "msg-2");
    }

    @Test
    void a_redelivered_event_sends_nothing_again() {
        preferences.put(buyer(true, true, List.of()));
        OrderEvent shipped = statusChanged(OrderStatus.SHIPPED, 3);
        notifier.notify(shipped);

        List<Delivery> again = notifier.notify(shipped);

        assertThat(again).extracting(Delivery::status).containsExactly(Status.ALREADY_SENT, Status.ALREADY_SENT);
        assertThat(sender.sent).hasSize(2);
    }

    @Test
    void an_opted_out_moment_is_not_sent_but_the_buyers_other_moments_are() {
        preferences.put(buyer(true, false, List.of(BuyerMessage.SHIPPED)));

        assertThat(notifier.notify(statusChanged(OrderStatus.SHIPPED, 3))).isEmpty();
        assertThat(notifier.notify(statusChanged(OrderStatus.DELIVERED, 5)))
                .containsExactly(new Delivery(Channel.BUYER_SMS, "DELIVERED", Status.SENT));
        assertThat(sender.sent).singleElement().satisfies(s -> assertThat(s.text()).contains("delivered"));
    }

    @Test
    void only_the_chosen_channels_are_used_and_email_only_to_a_subscribed_address() {
        preferences.put(buyer(false, true, List.of()));
        assertThat(notifier.notify(statusChanged(OrderStatus.SHIPPED, 3))).extracting(Delivery::channel)
                .containsExactly(Channel.BUYER_EMAIL);

        // email chosen, but the subscription is gone (turned off elsewhere, or never confirmed): nothing
        BuyerPreferences unsubscribed = buyer(false, true, List.of());
        preferences.put(new BuyerPreferences(BUYER, unsubscribed.email(), BUYER_PHONE, unsubscribed.channels(),
                List.of(), null, 2, AT));
        assertThat(notifier.notify(statusChanged(OrderStatus.DELIVERED, 5))).isEmpty();
        assertThat(sender.sent).hasSize(1);
    }

    @Test
    void nobody_who_never_chose_hears_anything_and_nothing_is_claimed() {
        assertThat(notifier.notify(statusChanged(OrderStatus.SHIPPED, 3))).isEmpty();
        assertThat(notifier.notify(delayed(4))).isEmpty();

        assertThat(sender.sent).isEmpty();
        assertThat(ledger.sent).isEmpty();
        assertThat(ledger.pending).isEmpty();
    }

    @Test
    void a_delay_alerts_the_seller_where_it_asked_and_an_alert_it_did_not_ask_for_is_not_sent() {
        preferences.put(new SellerPreferences(SELLER, "seller@example.com", SELLER_PHONE, List.of(SellerAlert.DELAY),
                "arn:aws:sns:us-east-1:000000000000:seller-alerts:1", 1, AT));

        List<Delivery> delay = notifier.notify(delayed(4));
        List<Delivery> exception = notifier.notify(shipmentProblem(5));

        assertThat(delay).containsExactly(new Delivery(Channel.SELLER_SMS, "DELAY", Status.SENT),
                new Delivery(Channel.SELLER_EMAIL, "DELAY", Status.SENT));
        assertThat(sender.sent).extracting(Sent::to).containsExactly(SELLER_PHONE, "SELLER:" + SELLER);
        assertThat(exception).isEmpty();
    }

    @Test
    void events_nobody_hears_about_read_no_preferences() {
        assertThat(notifier.notify(statusChanged(OrderStatus.IN_TRANSIT, 4))).isEmpty();

        assertThat(preferences.reads).isZero();
    }

    @Test
    void a_failed_send_gives_its_claim_back_the_other_channels_still_go_and_the_retry_sends_only_what_is_missing() {
        preferences.put(buyer(true, true, List.of()));
        OrderEvent shipped = statusChanged(OrderStatus.SHIPPED, 3);
        sender.smsDown = true;

        DeliveryFailedException failed = catchThrowableOfType(DeliveryFailedException.class,
                () -> notifier.notify(shipped));

        assertThat(failed).hasMessageContaining("1 of 2 deliveries failed for " + shipped.eventId())
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(sender.sent).extracting(Sent::channel).containsExactly("email");
        assertThat(ledger.pending).isEmpty();
        assertThat(ledger.sent).containsOnlyKeys(key(shipped, Channel.BUYER_EMAIL));

        sender.smsDown = false;
        assertThat(notifier.notify(shipped)).containsExactly(new Delivery(Channel.BUYER_SMS, "SHIPPED", Status.SENT),
                new Delivery(Channel.BUYER_EMAIL, "SHIPPED", Status.ALREADY_SENT));
        assertThat(sender.sent).extracting(Sent::channel).containsExactly("email", "sms");
    }

    @Test
    void a_channel_another_sender_holds_fails_the_event_without_sending_it_twice() {
        preferences.put(buyer(true, true, List.of()));
        OrderEvent shipped = statusChanged(OrderStatus.SHIPPED, 3);
        ledger.pending.add(key(shipped, Channel.BUYER_SMS));

        DeliveryFailedException failed = catchThrowableOfType(DeliveryFailedException.class,
                () -> notifier.notify(shipped));

        assertThat(failed).hasMessageContaining("1 of 2 deliveries failed");
        assertThat(failed.getCause()).hasMessageContaining("claim held by another sender");
        assertThat(sender.sent).extracting(Sent::channel).containsExactly("email");
        assertThat(ledger.pending).containsExactly(key(shipped, Channel.BUYER_SMS));
    }

    // ------------------------------------------------------------------ fixtures

    private static BuyerPreferences buyer(boolean sms, boolean email, List<BuyerMessage> optOuts) {
        return new BuyerPreferences(BUYER, "buyer@example.com", BUYER_PHONE, new BuyerPreferences.Channels(sms, email),
                optOuts, email ? "arn:aws:sns:us-east-1:000000000000:buyer-email:1" : null, 1, AT);
    }

    private static OrderEvent statusChanged(OrderStatus status, long version) {
        return event(OrderEventType.OrderStatusChanged, status, version, ShipmentStatus.IN_TRANSIT, null);
    }

    private static OrderEvent delayed(long version) {
        return event(OrderEventType.DeliveryDelayed, OrderStatus.IN_TRANSIT, version, ShipmentStatus.IN_TRANSIT,
                new OrderEvent.DelayInfo(Delay.Reason.PAST_ESTIMATED_DELIVERY, AT, null));
    }

    private static OrderEvent shipmentProblem(long version) {
        return event(OrderEventType.ShipmentUpdated, OrderStatus.IN_TRANSIT, version, ShipmentStatus.EXCEPTION, null);
    }

    private static OrderEvent event(OrderEventType type, OrderStatus status, long version, ShipmentStatus shipment,
            OrderEvent.DelayInfo delay) {
        return new OrderEvent(1, OrderEvent.eventId(ORDER, version, type), type, AT, ORDER, version, SELLER, BUYER,
                status, null, null,
                new OrderEvent.ShipmentInfo("ups", "1Z999AA10123456784", shipment, AT.plusSeconds(3 * 86_400), AT,
                        null, null),
                null, delay, null, null, null, "America/Los_Angeles", null);
    }

    private static String key(OrderEvent event, Channel channel) {
        return event.orderId() + "#" + event.eventId() + "#" + channel;
    }

    /** One message handed to the sender: {@code to} is a phone, or "BUYER:id"/"SELLER:id" for email. */
    record Sent(String channel, String to, String text) {
    }

    static final class RecordingSender implements MessageSender {
        final List<Sent> sent = new ArrayList<>();
        boolean smsDown;

        @Override
        public String sendSms(String phoneNumber, String text) {
            if (smsDown) {
                throw new IllegalStateException("SMS provider unavailable");
            }
            return record(new Sent("sms", phoneNumber, text));
        }

        @Override
        public String sendEmail(Audience audience, String partyId, String subject, String body) {
            return record(new Sent("email", audience + ":" + partyId, subject + "\n" + body));
        }

        private String record(Sent message) {
            sent.add(message);
            return "msg-" + sent.size();
        }
    }

    /** The ledger protocol without expiry: absent → granted, pending → busy, sent → already sent. */
    static final class InMemoryLedger implements NotificationLedger {
        final Set<String> pending = new HashSet<>();
        final Map<String, String> sent = new HashMap<>();

        @Override
        public Claim claim(String orderId, String eventId, Channel channel) {
            String key = orderId + "#" + eventId + "#" + channel;
            if (sent.containsKey(key)) {
                return new Claim.AlreadySent(key);
            }
            if (!pending.add(key)) {
                return new Claim.Busy(key);
            }
            return new Claim.Granted(key, "token-" + key);
        }

        @Override
        public void markSent(Claim.Granted claim, String messageId) {
            assertThat(pending.remove(claim.key())).as("marked without a claim: " + claim.key()).isTrue();
            sent.put(claim.key(), messageId);
        }

        @Override
        public void release(Claim.Granted claim) {
            pending.remove(claim.key());
        }
    }

    static final class InMemoryPreferences implements PreferencesStore {
        private final Map<String, BuyerPreferences> buyers = new HashMap<>();
        private final Map<String, SellerPreferences> sellers = new HashMap<>();
        int reads;

        @Override
        public Optional<BuyerPreferences> buyer(String buyerId) {
            reads++;
            return Optional.ofNullable(buyers.get(buyerId));
        }

        @Override
        public Optional<SellerPreferences> seller(String sellerId) {
            reads++;
            return Optional.ofNullable(sellers.get(sellerId));
        }

        @Override
        public void put(BuyerPreferences preferences) {
            buyers.put(preferences.buyerId(), preferences);
        }

        @Override
        public void put(SellerPreferences preferences) {
            sellers.put(preferences.sellerId(), preferences);
        }
    }
}

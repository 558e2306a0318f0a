package com.ordertracking.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.local.cloud.sns.OutboxMessage;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.adapters.messaging.SnsMessageSender;
import com.ordertracking.shared.adapters.persistence.DynamoNotificationLedger;
import com.ordertracking.shared.adapters.persistence.PreferencesRepository;
import com.ordertracking.shared.application.notification.Channel;
import com.ordertracking.shared.application.notification.Notifier;
import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.event.OrderEvent;
import com.ordertracking.shared.domain.event.OrderEventType;
import com.ordertracking.shared.domain.notification.NotificationTemplates;
import com.ordertracking.shared.domain.tracking.TrackingLinks;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Preferences handlers and the notifier against the embedded stack: real preference items and
 * email subscriptions, real SNS publishes into the outbox, the real exactly-once ledger.
 */
@ExtendWith(LocalCloudExtension.class)
class NotificationsIT {
    private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");

    private final LocalCloud cloud;
    private final String buyerId = "buyer-" + UUID.randomUUID();
    private final String sellerId = "seller-" + UUID.randomUUID();
    private final String orderId = "ord_" + UUID.randomUUID();
    private final String phone = randomPhone();
    private final String email = buyerId + "@example.com";
    private final String couponCode = "SORRY-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String trackingNumber = "1Z" + UUID.randomUUID().toString().substring(0, 12).toUpperCase();

    NotificationsIT(LocalCloud cloud) {
        this.cloud = cloud;
    }

    // ------------------------------------------------------------------ preferences

    @Test
    void preferences_default_to_nothing_and_round_trip_with_an_email_subscription_filtered_on_the_buyer() {
        GetBuyerPreferencesHandler get = cloud.instantiate("GetBuyerPreferencesFunction", GetBuyerPreferencesHandler::new);
        JsonNode defaults = json(get.handleRequest(api("notifications/get-buyer-preferences.json", "buyer", buyerId, null), null));
        assertThat(defaults.at("/channels/sms").asBoolean()).isFalse();
        assertThat(defaults.at("/channels/email").asBoolean()).isFalse();
        assertThat(defaults.get("emailSubscribed").asBoolean()).isFalse();

        APIGatewayV2HTTPResponse put = putBuyer(Map.of("email", email, "phone", phone,
                "channels", Map.of("sms", true, "email", true), "optOuts", List.of("ORDER_CONFIRMED")));

        assertThat(put.getStatusCode()).isEqualTo(200);
        JsonNode read = json(get.handleRequest(api("notifications/get-buyer-preferences.json", "buyer", buyerId, null), null));
        assertThat(read.get("phone").asText()).isEqualTo(phone);
        assertThat(read.get("optOuts").get(0).asText()).isEqualTo("ORDER_CONFIRMED");
        assertThat(read.get("emailSubscribed").asBoolean()).isTrue();
        var subscriptions = cloud.sns().listSubscriptionsByTopic(l -> l.topicArn(cloud.physicalName("BuyerEmailTopic")))
                .subscriptions().stream().filter(s -> s.endpoint().equals(email)).toList();
        assertThat(subscriptions).hasSize(1);
        assertThat(cloud.sns().getSubscriptionAttributes(g -> g.subscriptionArn(subscriptions.getFirst().subscriptionArn()))
                .attributes().get("FilterPolicy")).contains(buyerId);
    }

    @Test
    void turning_email_off_unsubscribes_the_address() {
        putBuyer(Map.of("email", email, "channels", Map.of("sms", false, "email", true)));

        putBuyer(Map.of("email", email, "channels", Map.of("sms", false, "email", false)));

        assertThat(cloud.sns().listSubscriptionsByTopic(l -> l.topicArn(cloud.physicalName("BuyerEmailTopic")))
                .subscriptions()).noneMatch(s -> s.endpoint().equals(email));
    }

    @ParameterizedTest
    @Event(value = "events/notifications/put-buyer-preferences-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void invalid_preferences_are_a_400_naming_every_field(APIGatewayV2HTTPEvent event) {
        PutBuyerPreferencesHandler handler = cloud.instantiate("PutBuyerPreferencesFunction", PutBuyerPreferencesHandler::new);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("fax", "email", "phone", "channels.sms", "channels.email", "optOuts");
    }

    @Test
    void sms_without_a_phone_is_refused() {
        APIGatewayV2HTTPResponse response = putBuyer(Map.of("channels", Map.of("sms", true, "email", false)));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").findValuesAsText("field")).containsExactly("phone");
    }

    @ParameterizedTest
    @Event(value = "events/notifications/put-seller-preferences.json", type = APIGatewayV2HTTPEvent.class)
    void a_seller_sets_alert_destinations(APIGatewayV2HTTPEvent event) {
        event.getRequestContext().getAuthorizer().getJwt().setClaims(new HashMap<>(Map.of("sub", sellerId, "role", "seller")));
        PutSellerPreferencesHandler handler = cloud.instantiate("PutSellerPreferencesFunction", PutSellerPreferencesHandler::new);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).get("alerts").toString()).contains("DELAY", "EXCEPTION");
        assertThat(json(response).get("emailSubscribed").asBoolean()).isTrue();
    }

    // ------------------------------------------------------------------ notifier

    @Test
    void a_shipped_event_is_sent_on_both_channels_once_however_often_it_is_delivered() {
        putBuyer(Map.of("email", email, "phone", phone, "channels", Map.of("sms", true, "email", true)));
        SendNotificationsHandler notifier = notifier();
        SQSEvent shipped = sqs(event(OrderEventType.OrderStatusChanged, OrderStatus.SHIPPED, 3));

        // WHEN the same message arrives three times (at-least-once delivery)
        for (int i = 0; i < 3; i++) {
            assertThat(notifier.handleRequest(shipped, null).getBatchItemFailures()).isEmpty();
        }

        // THEN one SMS and one email, naming the tracking number
        assertThat(cloud.outbox().messagesTo(phone)).singleElement()
                .satisfies(m -> assertThat(m.message()).contains(trackingNumber, "/track/" + orderId + "~"));
        assertThat(mails()).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Your order has shipped");
            assertThat(m.message()).contains(trackingNumber);
        });
    }

    @Test
    void opted_out_moments_and_unchosen_channels_send_nothing() {
        putBuyer(Map.of("email", email, "phone", phone, "channels", Map.of("sms", true, "email", false),
                "optOuts", List.of("SHIPPED")));
        SendNotificationsHandler notifier = notifier();

        notifier.handleRequest(sqs(event(OrderEventType.OrderStatusChanged, OrderStatus.SHIPPED, 3)), null);
        notifier.handleRequest(sqs(event(OrderEventType.OrderStatusChanged, OrderStatus.DELIVERED, 5)), null);

        assertThat(cloud.outbox().messagesTo(phone)).extracting(OutboxMessage::message)
                .singleElement().asString().contains("delivered");
        assertThat(mails()).isEmpty();
    }

    @Test
    void a_buyer_without_preferences_hears_nothing_and_a_delay_alerts_the_seller() {
        String sellerPhone = randomPhone();
        PutSellerPreferencesHandler sellerPrefs = cloud.instantiate("PutSellerPreferencesFunction", PutSellerPreferencesHandler::new);
        APIGatewayV2HTTPEvent put = api("notifications/put-seller-preferences.json", "seller", sellerId,
                Json.write(Map.of("phone", sellerPhone)));
        assertThat(sellerPrefs.handleRequest(put, null).getStatusCode()).isEqualTo(200);

        notifier().handleRequest(sqs(event(OrderEventType.DeliveryDelayed, OrderStatus.IN_TRANSIT, 4)), null);

        assertThat(cloud.outbox().messagesTo(phone)).isEmpty();
        assertThat(cloud.outbox().messagesTo(sellerPhone)).singleElement()
                .satisfies(m -> assertThat(m.message()).startsWith("Delay: order " + orderId));
    }

    @Test
    void a_compensation_reaches_the_buyer_once_per_channel_with_the_coupon_code_and_nothing_goes_to_the_seller() {
        putBuyer(Map.of("email", email, "phone", phone, "channels", Map.of("sms", true, "email", true)));
        String sellerPhone = randomPhone();
        PutSellerPreferencesHandler sellerPrefs = cloud.instantiate("PutSellerPreferencesFunction", PutSellerPreferencesHandler::new);
        assertThat(sellerPrefs.handleRequest(api("notifications/put-seller-preferences.json", "seller", sellerId,
                Json.write(Map.of("phone", sellerPhone))), null).getStatusCode()).isEqualTo(200);
        SendNotificationsHandler notifier = notifier();
        SQSEvent offered = sqs(event(OrderEventType.CompensationOffered, OrderStatus.IN_TRANSIT, 6));

        // WHEN the CompensationOffered message arrives twice (at-least-once delivery)
        for (int i = 0; i < 2; i++) {
            assertThat(notifier.handleRequest(offered, null).getBatchItemFailures()).isEmpty();
        }

        // THEN one SMS and one email with the code, discount and expiry; the seller made the offer and hears nothing
        assertThat(cloud.outbox().messagesTo(phone)).singleElement()
                .satisfies(m -> assertThat(m.message()).startsWith("Sorry").contains(couponCode, "15% off", "Feb 21"));
        assertThat(mails()).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("A coupon to make up for the delay");
            assertThat(m.message()).contains(couponCode, orderId);
        });
        assertThat(cloud.outbox().messagesTo(sellerPhone)).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/notifications/order-events-with-poison.json", type = SQSEvent.class)
    void an_unreadable_message_is_the_only_batch_item_failure(SQSEvent event) {
        SQSBatchResponse response = notifier().handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(event.getRecords().get(1).getMessageId());
    }

    @Test
    void while_sns_is_down_the_message_fails_and_after_recovery_it_is_sent_exactly_once() {
        putBuyer(Map.of("email", email, "phone", phone, "channels", Map.of("sms", true, "email", true)));
        SendNotificationsHandler notifier = notifier();
        SQSEvent shipped = sqs(event(OrderEventType.OrderStatusChanged, OrderStatus.SHIPPED, 3));

        // WHEN SNS is down, the message fails (SQS will redeliver it) and nothing is sent
        var sns = cloud.snsEndpoint().orElseThrow();
        sns.stop();
        SQSBatchResponse during;
        try {
            during = notifier.handleRequest(shipped, null);
        } finally {
            sns.start();
        }
        assertThat(during.getBatchItemFailures()).hasSize(1);
        assertThat(cloud.outbox().messagesTo(phone)).isEmpty();

        // THEN the redeliveries after recovery send each channel once
        assertThat(notifier.handleRequest(shipped, null).getBatchItemFailures()).isEmpty();
        assertThat(notifier.handleRequest(shipped, null).getBatchItemFailures()).isEmpty();
        assertThat(cloud.outbox().messagesTo(phone)).hasSize(1);
        assertThat(mails()).hasSize(1);
    }

    @Test
    void a_claim_left_pending_by_a_crashed_sender_is_retried_later_and_taken_over_once_stale() {
        putBuyer(Map.of("phone", phone, "channels", Map.of("sms", true, "email", false)));
        OrderEvent shipped = event(OrderEventType.OrderStatusChanged, OrderStatus.SHIPPED, 3);
        // GIVEN a sender that claimed the SMS and crashed before sending
        String table = cloud.physicalName("OrdersTable");
        new DynamoNotificationLedger(cloud.dynamoDb(), table, Duration.ofSeconds(60), Clock.systemUTC())
                .claim(orderId, shipped.eventId(), Channel.BUYER_SMS);

        // WHEN the message is redelivered before the claim is stale, it fails (and nothing is sent) ...
        assertThat(notifier().handleRequest(sqs(shipped), null).getBatchItemFailures()).hasSize(1);
        assertThat(cloud.outbox().messagesTo(phone)).isEmpty();

        // ... and once the claim is older than the timeout (here: 0 s) it is taken over and sent once
        Notifier impatient = new Notifier(new NotificationTemplates(new TrackingLinks("http://localhost:3000",
                "local-tracking-link-secret")), new PreferencesRepository(cloud.dynamoDb(), table),
                new DynamoNotificationLedger(cloud.dynamoDb(), table, Duration.ZERO,
                        Clock.offset(Clock.systemUTC(), Duration.ofMillis(5))),
                new SnsMessageSender(cloud.sns(), cloud.physicalName("BuyerEmailTopic"),
                        cloud.physicalName("SellerAlertsTopic")));
        assertThat(new SendNotificationsHandler(impatient).handleRequest(sqs(shipped), null).getBatchItemFailures()).isEmpty();
        assertThat(notifier().handleRequest(sqs(shipped), null).getBatchItemFailures()).isEmpty();
        assertThat(cloud.outbox().messagesTo(phone)).hasSize(1);
    }

    // ------------------------------------------------------------------ helpers

    private SendNotificationsHandler notifier() {
        return cloud.instantiate("SendNotificationsFunction", SendNotificationsHandler::new);
    }

    private APIGatewayV2HTTPResponse putBuyer(Map<String, Object> body) {
        PutBuyerPreferencesHandler handler = cloud.instantiate("PutBuyerPreferencesFunction", PutBuyerPreferencesHandler::new);
        return handler.handleRequest(api("notifications/put-buyer-preferences.json", "buyer", buyerId, Json.write(body)), null);
    }

    private List<OutboxMessage> mails() {
        return cloud.outbox().messagesTo(email).stream().filter(m -> !m.message().contains("subscribe to the topic"))
                .toList();
    }

    private OrderEvent event(OrderEventType type, OrderStatus status, long version) {
        return new OrderEvent(1, OrderEvent.eventId(orderId, version, type), type, AT, orderId, version, sellerId,
                buyerId, status, null, null,
                new OrderEvent.ShipmentInfo("ups", trackingNumber, ShipmentStatus.IN_TRANSIT,
                        AT.plus(Duration.ofDays(3)), AT, null, null), null,
                type == OrderEventType.DeliveryDelayed
                        ? new OrderEvent.DelayInfo(Delay.Reason.PAST_ESTIMATED_DELIVERY, AT, null) : null,
                null, null,
                type == OrderEventType.CompensationOffered
                        ? new OrderEvent.CompensationInfo("coupon", couponCode, new BigDecimal("15"), null, null,
                                Instant.parse("2027-02-21T12:00:00Z"), AT) : null,
                "America/Los_Angeles", null);
    }

    private static SQSEvent sqs(OrderEvent event) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(Json.write(event));
        message.setEventSource("aws:sqs");
        SQSEvent sqs = new SQSEvent();
        sqs.setRecords(List.of(message));
        return sqs;
    }

    private static APIGatewayV2HTTPEvent api(String fixture, String role, String sub, String body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/" + fixture);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(new HashMap<>(Map.of("sub", sub, "role", role)));
        if (body != null) {
            event.setBody(body);
        }
        return event;
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.read(response.getBody(), JsonNode.class);
    }

    private static String randomPhone() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "+1" + random.nextInt(2, 10) + String.format("%09d", random.nextInt(1_000_000_000));
    }
}

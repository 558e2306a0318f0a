package com.ordertracking.systemtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.sns.SnsEndpoint;
import com.ordertracking.local.runtime.LocalRuntime;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.HttpApi;
import com.ordertracking.systemtests.driver.Seller;
import com.ordertracking.systemtests.driver.TestData;
import com.ordertracking.systemtests.driver.Webhooks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Notifications end to end, over HTTP only: buyer preferences → seller ships → the order table's
 * stream → outbox publisher → order-events → NotificationsQueue → notifier → SMS and email in
 * {@code /_local/outbox}; signed carrier webhooks; duplicates; opt-out; an SNS outage mid-stream.
 */
class NotificationsEndToEndIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static LocalRuntime runtime;
    private static HttpApi client;

    private final String sellerId = "seller-" + UUID.randomUUID();
    private final String buyerId = "buyer-" + UUID.randomUUID();
    private final String phone = TestData.phone();
    private final String email = buyerId + "@example.com";

    @BeforeAll
    static void startRuntime() {
        runtime = LocalRuntime.start(new LocalRuntime.Options(LocalCloud.findTemplate(), 0, null));
        client = new HttpApi(runtime.baseUri());
        await().atMost(WAIT).until(() -> client.send("GET", "/_local/health", null, null, Map.of()).status() == 200);
    }

    @AfterAll
    static void stopRuntime() {
        runtime.close();
    }

    @Test
    void a_shipped_order_reaches_the_buyer_by_sms_and_email_once_per_change_and_only_on_chosen_channels() {
        // GIVEN a buyer who wants SMS and email
        String buyer = client.token("buyer", buyerId);
        ApiResponse saved = client.send("PUT", "/me/notification-preferences", buyer,
                preferences(true, true), Map.of());
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("emailSubscribed").asBoolean()).isTrue();

        // WHEN the seller ships an order to them
        String trackingNumber = TestData.trackingNumber();
        String orderId = shipNewOrder(trackingNumber);

        // THEN one SMS and one email name the tracking number (and carry the tracking link)
        await().atMost(WAIT).until(() -> client.outbox(phone, trackingNumber).size() == 1
                && client.outbox(email, trackingNumber).size() == 1);
        JsonNode sms = client.outbox(phone, trackingNumber).getFirst();
        assertThat(sms.get("protocol").asText()).isEqualTo("sms");
        assertThat(sms.get("message").asText()).contains("UPS", "/track/" + orderId + "~");
        assertThat(sms.get("message").asText().length()).isLessThanOrEqualTo(160);
        assertThat(sms.at("/attributes/AWS.SNS.SMS.SMSType").asText()).isEqualTo("Transactional");
        JsonNode mail = client.outbox(email, trackingNumber).getFirst();
        assertThat(mail.get("protocol").asText()).isEqualTo("email");
        assertThat(mail.get("subject").asText()).isEqualTo("Your order has shipped");

        // WHEN the carrier posts the same signed DELIVERED webhook three times
        String deliveredEvent = "ups-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(postDelivered(deliveredEvent, trackingNumber).status()).isEqualTo(202);
        }

        // THEN exactly one "delivered" SMS arrives (and stays one)
        await().atMost(WAIT).until(() -> client.outbox(phone, "was delivered").size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> client.outbox(phone, "was delivered").size() == 1);

        // WHEN the buyer turns SMS off and the next order ships
        assertThat(client.send("PUT", "/me/notification-preferences", buyer, preferences(false, true), Map.of())
                .status()).isEqualTo(200);
        String secondNumber = TestData.trackingNumber();
        shipNewOrder(secondNumber);

        // THEN only the email comes; the notifier sends SMS before email, so no SMS can still be on its way
        await().atMost(WAIT).until(() -> client.outbox(email, secondNumber).size() == 1);
        assertThat(client.outbox(phone, secondNumber)).isEmpty();
    }

    @Test
    void an_invalid_phone_number_is_a_400_naming_the_field() {
        String body = Json.write(Map.of("phone", "0044 20 7946", "channels", Map.of("sms", true, "email", false)));

        ApiResponse response = client.send("PUT", "/me/notification-preferences",
                client.token("buyer", buyerId), body, Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("content-type")).isEqualTo("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("phone");
    }

    @Test
    void notifications_survive_an_sns_outage_mid_stream_and_arrive_exactly_once() {
        // GIVEN a buyer on SMS and two orders already shipped and notified
        assertThat(client.send("PUT", "/me/notification-preferences", client.token("buyer", buyerId),
                preferences(true, false), Map.of()).status()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            numbers.add(TestData.trackingNumber());
            shipNewOrder(numbers.getLast());
        }
        await().atMost(WAIT).until(() -> numbers.stream().allMatch(n -> client.outbox(phone, n).size() == 1));
        SnsEndpoint sns = runtime.cloud().snsEndpoint().orElseThrow();

        // WHEN SNS goes down while three more orders ship, and comes back
        sns.stop();
        try {
            int delivered = client.outbox(phone, "").size();
            for (int i = 0; i < 3; i++) {
                numbers.add(TestData.trackingNumber());
                shipNewOrder(numbers.getLast());
            }
            // Nothing can be delivered while SNS is down (the publisher keeps retrying meanwhile).
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> client.outbox(phone, "").size() == delivered);
        } finally {
            sns.start();
        }

        // THEN every order's shipped SMS arrives, each exactly once, and no order confirmation is doubled
        await().atMost(WAIT).until(() -> numbers.stream().allMatch(n -> client.outbox(phone, n).size() == 1));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> numbers.stream().allMatch(n -> client.outbox(phone, n).size() == 1));
        assertThat(client.outbox(phone, "Order confirmed")).hasSize(5);
    }

    // ------------------------------------------------------------------ helpers

    private String shipNewOrder(String trackingNumber) {
        return new Seller(client, sellerId).shipNewOrder(TestData.orderBody(buyerId, phone), trackingNumber,
                Instant.now().plus(Duration.ofDays(3)));
    }

    private ApiResponse postDelivered(String eventId, String trackingNumber) {
        String body = Json.write(Map.of("eventId", eventId, "trackingNumber", trackingNumber, "status", "DELIVERED",
                "occurredAt", Instant.now().toString(), "location", "San Francisco, CA"));
        return new Webhooks(client).carrier("ups", body);
    }

    private String preferences(boolean sms, boolean mail) {
        return Json.write(Map.of("email", email, "phone", phone, "channels", Map.of("sms", sms, "email", mail)));
    }


}

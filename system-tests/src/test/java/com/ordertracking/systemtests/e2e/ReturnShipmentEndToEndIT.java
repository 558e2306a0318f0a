package com.ordertracking.systemtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.Caller;
import com.ordertracking.systemtests.driver.HttpApi;
import com.ordertracking.systemtests.driver.LocalRuntimeExtension;
import com.ordertracking.systemtests.driver.Returns;
import com.ordertracking.systemtests.driver.Seller;
import com.ordertracking.systemtests.driver.TestData;
import com.ordertracking.systemtests.driver.Webhooks;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A return tracked home over HTTP only, against the local runtime: delivered order → the buyer asks for a
 * return → the seller approves → the buyer attaches the return shipment → signed carrier webhooks (shuffled,
 * duplicated) → the return in transit → delivered → the order RETURNED with no seller action; buyer and seller
 * get one message per change in {@code /_local/outbox}.
 */
@ExtendWith(LocalRuntimeExtension.class)
class ReturnShipmentEndToEndIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final HttpApi client;
    private final Webhooks carriers;
    private final Returns returns;
    private final Seller seller;
    private final Caller sellerCaller;
    private final Caller buyer = Caller.buyer(TestData.id("buyer"));
    private final String buyerPhone = TestData.phone();
    private final String sellerPhone = TestData.phone();

    ReturnShipmentEndToEndIT(HttpApi client) {
        this.client = client;
        this.carriers = new Webhooks(client);
        this.returns = new Returns(client);
        this.seller = Seller.fresh(client);
        this.sellerCaller = Caller.seller(seller.id());
    }

    @Test
    void carrier_webhooks_alone_bring_a_return_home_and_each_change_is_told_once() {
        // GIVEN buyer and seller on SMS, and a delivered order
        Seller.expect(client.put(buyer, "/me/notification-preferences", Json.write(Map.of("phone", buyerPhone,
                "channels", Map.of("sms", true, "email", false)))), 200);
        Seller.expect(client.put(sellerCaller, "/seller/notification-preferences",
                Json.write(Map.of("phone", sellerPhone))), 200);
        String outbound = TestData.trackingNumber();
        String orderId = seller.createOrder(buyer.id());
        seller.processAndShip(orderId, outbound, null);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Seller.expect(carriers.carrier("ups", Webhooks.carrierEventJson(TestData.id("out"), outbound, "DELIVERED",
                t0.minus(Duration.ofDays(1)))), 202);
        await().atMost(WAIT).until(() -> "DELIVERED".equals(seller.order(orderId).get("status").asText()));

        // WHEN the buyer asks for a return, the seller approves it and the buyer attaches the return shipment
        String returnId = returns.request(buyer, orderId, "does not fit");
        Seller.expect(returns.approve(sellerCaller, orderId, returnId), 200);
        String number = TestData.trackingNumber();
        ApiResponse attached = returns.attach(buyer, orderId, returnId, "ups", number);
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        assertThat(attached.json().get("trackingUrl").asText()).endsWith(number);

        // AND the carrier's first scans arrive shuffled and duplicated
        Random random = new Random(number.hashCode());
        String prefix = TestData.id("ret");
        List<String> early = List.of(
                scan(prefix + "-1", number, "INFO_RECEIVED", t0),
                scan(prefix + "-2", number, "IN_TRANSIT", t0.plus(Duration.ofHours(2))));
        post(shuffledWithDuplicates(early, random));

        // THEN the return is in transit and the order still waits for it
        await().atMost(WAIT).until(() ->
                "IN_TRANSIT".equals(returnShipment(orderId, returnId, number).path("status").asText()));
        assertThat(seller.order(orderId).get("status").asText()).isEqualTo("RETURN_APPROVED");

        // WHEN the rest arrives shuffled and duplicated, with late repeats of the early ones
        List<String> late = new ArrayList<>(List.of(
                scan(prefix + "-3", number, "OUT_FOR_DELIVERY", t0.plus(Duration.ofHours(20))),
                scan(prefix + "-4", number, "DELIVERED", t0.plus(Duration.ofHours(23)))));
        late.addAll(early);
        post(shuffledWithDuplicates(late, random));

        // THEN the order is RETURNED by the carrier's delivery, without any seller action
        await().atMost(WAIT).until(() -> "RETURNED".equals(seller.order(orderId).get("status").asText()));
        JsonNode order = seller.order(orderId);
        assertThat(order.at("/returnRequest/receivedBy").asText()).isEqualTo("ups");
        assertThat(returnShipment(orderId, returnId, number).get("status").asText()).isEqualTo("DELIVERED");

        // AND both timelines hold the return's entries once each
        await().atMost(WAIT).until(() -> seller.checkpoints(orderId).stream()
                .filter(e -> e.get("entryId").asText().startsWith("return-" + returnId + ":")).count() == 4);
        List<String> sellerTimeline = seller.timeline(orderId).stream().map(e -> e.get("entryId").asText()).toList();
        List<String> buyerTimeline = client.get(buyer, "/me/orders/" + orderId).json().get("timeline")
                .findValuesAsText("entryId");
        for (List<String> timeline : List.of(sellerTimeline, buyerTimeline)) {
            assertThat(timeline).containsOnlyOnce("return-shipment-" + returnId);
            for (int i = 1; i <= 4; i++) {
                assertThat(timeline).containsOnlyOnce("return-" + returnId + ":ups:" + prefix + "-" + i);
            }
        }

        // AND one message per change: the buyer hears of request, approval and arrival, the seller of the delivery
        await().atMost(WAIT).until(() -> client.outbox(buyerPhone, "arrived").size() == 1
                && client.outbox(sellerPhone, "Return delivered").size() == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(client.outbox(buyerPhone, "return request")).hasSize(1);
            assertThat(client.outbox(buyerPhone, "Return approved")).hasSize(1);
            assertThat(client.outbox(buyerPhone, "arrived")).hasSize(1);
            assertThat(client.outbox(sellerPhone, "Return delivered")).hasSize(1);
        });
        assertThat(client.outbox(sellerPhone, "Return delivered").getFirst().get("message").asText())
                .contains(orderId, "UPS");
    }

    private static String scan(String eventId, String number, String status, Instant at) {
        return Webhooks.carrierEventJson(eventId, number, status, at);
    }

    /** Every body once, a third of them twice, in random order. */
    private static List<String> shuffledWithDuplicates(List<String> bodies, Random random) {
        List<String> stream = new ArrayList<>(bodies);
        bodies.stream().filter(b -> random.nextInt(3) == 0).forEach(stream::add);
        stream.add(bodies.get(random.nextInt(bodies.size())));
        Collections.shuffle(stream, random);
        return stream;
    }

    private void post(List<String> bodies) {
        bodies.forEach(body -> Seller.expect(carriers.carrier("ups", body), 202));
    }

    /** The return shipment as it stands now: repeating the attach (idempotent) answers with it. */
    private JsonNode returnShipment(String orderId, String returnId, String number) {
        ApiResponse repeat = returns.attach(sellerCaller, orderId, returnId, "ups", number);
        Seller.expect(repeat, 201);
        return repeat.json();
    }
}

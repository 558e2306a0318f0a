package com.ordertracking.systemtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.systemtests.driver.AggregatorHistories;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.HttpApi;
import com.ordertracking.systemtests.driver.LocalRuntimeExtension;
import com.ordertracking.systemtests.driver.Seller;
import com.ordertracking.systemtests.driver.TestData;
import com.ordertracking.systemtests.driver.Webhooks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Aggregator histories over HTTP against the local runtime: the documented AfterShip and EasyPost examples,
 * delivered again and again (shuffled, with an earlier snapshot arriving late), put each checkpoint on the
 * timeline once, in carrier-time order, and the buyer hears about each change once.
 */
@ExtendWith(LocalRuntimeExtension.class)
class AggregatorHistoriesEndToEndIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final HttpApi client;
    private final Webhooks aggregators;
    private final Seller seller;
    private final String buyerId = "buyer-" + UUID.randomUUID();
    private final String phone = TestData.phone();

    AggregatorHistoriesEndToEndIT(HttpApi client) {
        this.client = client;
        this.aggregators = new Webhooks(client);
        this.seller = new Seller(client, "seller-" + UUID.randomUUID());
    }

    @Test
    void repeated_aftership_and_easypost_histories_land_once_in_carrier_time_order_and_notify_once() {
        // GIVEN a buyer on SMS with two orders shipped with USPS
        assertThat(client.send("PUT", "/me/notification-preferences", client.token("buyer", buyerId),
                Json.write(Map.of("phone", phone, "channels", Map.of("sms", true, "email", false))), Map.of())
                .status()).isEqualTo(200);
        String afterShipNumber = TestData.trackingNumber();
        String easyPostNumber = TestData.trackingNumber();
        String viaAfterShip = shippedWithUsps(afterShipNumber);
        String viaEasyPost = shippedWithUsps(easyPostNumber);
        await().atMost(WAIT).until(() -> client.outbox(phone, afterShipNumber).size() == 1
                && client.outbox(phone, easyPostNumber).size() == 1);

        // WHEN AfterShip sends its history three times (shuffled) and an earlier snapshot arrives in between,
        // and EasyPost sends its history three times (shuffled)
        Random random = new Random(7);
        List<ObjectNode> afterShip = new ArrayList<>(AggregatorHistories.afterShipRedeliveries(afterShipNumber, 3, random));
        afterShip.add(AggregatorHistories.afterShipEarlierSnapshot(afterShipNumber));
        Collections.shuffle(afterShip, random);
        for (ObjectNode body : afterShip) {
            ApiResponse accepted = aggregators.afterShip(body);
            assertThat(accepted.status()).isEqualTo(202);
            assertThat(accepted.json().get("accepted").asBoolean()).isTrue();
        }
        for (ObjectNode body : AggregatorHistories.easyPostRedeliveries(easyPostNumber, 3, random)) {
            assertThat(aggregators.easyPost(body).status()).isEqualTo(202);
        }

        // THEN each order's timeline holds every checkpoint once, in carrier-time order
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(checkpointTimes(viaAfterShip)).containsExactlyElementsOf(AggregatorHistories.AFTERSHIP_TIMES);
            assertThat(checkpointTimes(viaEasyPost)).containsExactlyElementsOf(AggregatorHistories.EASYPOST_TIMES);
        });
        assertThat(seller.order(viaAfterShip).get("status").asText()).isEqualTo("DELIVERED");
        assertThat(seller.order(viaEasyPost).get("status").asText()).isEqualTo("IN_TRANSIT");

        // ... and the buyer got exactly one "delivered" message and no message twice, and it stays so
        await().atMost(WAIT).until(() -> client.outbox(phone, "was delivered").size() == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(checkpointTimes(viaAfterShip)).hasSize(AggregatorHistories.AFTERSHIP_TIMES.size());
            assertThat(checkpointTimes(viaEasyPost)).hasSize(AggregatorHistories.EASYPOST_TIMES.size());
            assertThat(client.outbox(phone, "was delivered")).hasSize(1);
            assertThat(repeatedMessages()).isEmpty();
        });
    }

    private String shippedWithUsps(String trackingNumber) {
        ApiResponse created = client.send("POST", "/orders", client.token("seller", seller.id()),
                TestData.orderBody(buyerId, phone), Map.of());
        Seller.expect(created, 201);
        String orderId = created.json().get("orderId").asText();
        Seller.expect(seller.process(orderId), 200);
        Seller.expect(seller.ship(orderId, "usps", trackingNumber), 200);
        return orderId;
    }

    private List<String> checkpointTimes(String orderId) {
        return seller.checkpoints(orderId).stream().map(e -> e.get("at").asText()).toList();
    }

    /** Outbox texts sent to the buyer more than once. */
    private List<String> repeatedMessages() {
        return client.outbox(phone).stream().map(m -> m.path("message").asText())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }
}

package com.ordertracking.systemtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.BuyerRequests;
import com.ordertracking.systemtests.driver.HttpApi;
import com.ordertracking.systemtests.driver.LocalRuntimeExtension;
import com.ordertracking.systemtests.driver.Seller;
import com.ordertracking.systemtests.driver.TestData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12 over HTTP against the local runtime: buyer cancellation requests and the seller's decisions (also
 * racing a ship), partial refunds bounded by the order total under concurrency, and compensations retried
 * with the same {@code Idempotency-Key}.
 */
@ExtendWith(LocalRuntimeExtension.class)
class BuyerRequestsEndToEndIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final HttpApi client;
    private final BuyerRequests requests;
    private final String sellerId = TestData.id("seller");
    private final String buyerId = TestData.id("buyer");
    private final Seller seller;

    BuyerRequestsEndToEndIT(HttpApi client) {
        this.client = client;
        this.requests = new BuyerRequests(client);
        this.seller = new Seller(client, sellerId);
    }

    private String processedOrder() {
        String orderId = seller.createOrder(buyerId);
        Seller.expect(seller.process(orderId), 200);
        return orderId;
    }

    private JsonNode buyerView(String orderId) {
        ApiResponse read = client.send("GET", "/me/orders/" + orderId, client.token("buyer", buyerId), null, Map.of());
        Seller.expect(read, 200);
        return read.json();
    }

    private static List<String> fields(ApiResponse problem) {
        assertThat(problem.header("content-type")).isEqualTo("application/problem+json");
        return problem.json().get("errors").findValuesAsText("field");
    }

    @Test
    void a_buyer_cancels_a_pending_order_at_once_and_only_their_own() {
        String orderId = seller.createOrder(buyerId);

        assertThat(requests.requestCancellation("someone-else", orderId, "changed my mind", null).status()).isEqualTo(404);
        ApiResponse empty = client.send("POST", "/me/orders/" + orderId + "/cancellation", client.token("buyer", buyerId),
                "{\"reason\":\"\",\"extra\":1}", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fields(empty)).contains("reason", "extra");

        ApiResponse cancelled = requests.requestCancellation(buyerId, orderId, "changed my mind", null);

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().at("/cancellation/byRole").asText()).isEqualTo("buyer");
        assertThat(cancelled.json().at("/cancellation/reason").asText()).isEqualTo("changed my mind");
        assertThat(cancelled.json().has("cancellationRequest")).isFalse();
        ApiResponse again = requests.requestCancellation(buyerId, orderId, "changed my mind", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("/order-closed");
    }

    @Test
    void requests_on_processed_orders_are_approved_rejected_or_rejected_by_shipping_and_the_buyer_hears_once() {
        // GIVEN a buyer on SMS, a seller with an alert phone, and three processed orders the buyer asks to cancel
        String buyerPhone = TestData.phone();
        String sellerPhone = TestData.phone();
        Seller.expect(client.send("PUT", "/me/notification-preferences", client.token("buyer", buyerId),
                Json.write(Map.of("phone", buyerPhone, "channels", Map.of("sms", true, "email", false))), Map.of()), 200);
        Seller.expect(client.send("PUT", "/seller/notification-preferences", client.token("seller", sellerId),
                Json.write(Map.of("phone", sellerPhone)), Map.of()), 200);
        String approved = processedOrder();
        String rejected = processedOrder();
        String shipped = processedOrder();
        for (String orderId : List.of(approved, rejected, shipped)) {
            ApiResponse filed = requests.requestCancellation(buyerId, orderId, "ordered twice", "req-" + orderId);
            assertThat(filed.status()).as(filed.body()).isEqualTo(202);
            assertThat(filed.json().at("/cancellationRequest/state").asText()).isEqualTo("PENDING");
            assertThat(filed.json().at("/cancellationRequest/reason").asText()).isEqualTo("ordered twice");
            assertThat(filed.json().at("/cancellationRequest/requestedAt").isTextual()).isTrue();
            assertThat(filed.json().get("status").asText()).isEqualTo("PROCESSED");
        }
        ApiResponse repeated = requests.requestCancellation(buyerId, approved, "ordered twice", "req-" + approved);
        assertThat(repeated.status()).isEqualTo(202);
        assertThat(repeated.header("idempotent-replayed")).isEqualTo("true");

        // WHEN the seller approves one (retried with the same key), rejects one and ships the third
        ApiResponse approval = requests.decide(sellerId, approved, "approve", null, "approve-" + approved);
        ApiResponse approvalRetry = requests.decide(sellerId, approved, "approve", null, "approve-" + approved);
        ApiResponse rejection = requests.decide(sellerId, rejected, "reject", "already packed", null);
        Seller.expect(seller.ship(shipped, "ups", TestData.trackingNumber()), 200);

        // THEN the first is cancelled, the second keeps going, the third's request was rejected by shipping
        assertThat(approval.status()).as(approval.body()).isEqualTo(200);
        assertThat(approval.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(approval.json().at("/cancellationRequest/state").asText()).isEqualTo("APPROVED");
        assertThat(approvalRetry.status()).isEqualTo(200);
        assertThat(approvalRetry.header("idempotent-replayed")).isEqualTo("true");
        assertThat(approvalRetry.json().get("version")).isEqualTo(approval.json().get("version"));
        assertThat(rejection.status()).as(rejection.body()).isEqualTo(200);
        assertThat(rejection.json().get("status").asText()).isEqualTo("PROCESSED");
        assertThat(rejection.json().at("/cancellationRequest/state").asText()).isEqualTo("REJECTED");
        assertThat(rejection.json().at("/cancellationRequest/decisionReason").asText()).isEqualTo("already packed");
        JsonNode autoRejected = buyerView(shipped);
        assertThat(autoRejected.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(autoRejected.at("/cancellationRequest/state").asText()).isEqualTo("REJECTED");
        assertThat(autoRejected.at("/cancellationRequest/decidedBy").asText()).isEqualTo("system");
        assertThat(autoRejected.at("/cancellationRequest/decisionReason").asText()).contains("shipped");

        // AND late or foreign decisions are refused
        ApiResponse late = requests.decide(sellerId, shipped, "approve", null, null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("type").asText()).endsWith("/cancellation-request-decided");
        assertThat(requests.decide("another-seller", rejected, "approve", null, null).status()).isEqualTo(404);
        ApiResponse tooLate = requests.requestCancellation(buyerId, shipped, "still want out", null);
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.json().get("detail").asText()).contains("return");
        ApiResponse badReason = requests.decide(sellerId, rejected, "reject", "x".repeat(501), null);
        assertThat(badReason.status()).isEqualTo(400);
        assertThat(fields(badReason)).containsExactly("reason");

        // AND the seller was alerted three times; the buyer got one message per outcome, never repeated
        await().atMost(WAIT).until(() -> client.outbox(sellerPhone, "asks to cancel").size() == 3);
        await().atMost(WAIT).until(() -> client.outbox(buyerPhone, "could not be cancelled").size() == 2
                && client.outbox(buyerPhone, approved + " was cancelled").size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                client.outbox(buyerPhone, "could not be cancelled").size() == 2
                        && client.outbox(buyerPhone, approved + " was cancelled").size() == 1);
        assertThat(client.outbox(buyerPhone, "could not be cancelled"))
                .anySatisfy(m -> assertThat(m.get("message").asText()).contains(rejected, "already packed"))
                .anySatisfy(m -> assertThat(m.get("message").asText()).contains(shipped, "already shipped"));
    }

    @Test
    void an_approval_racing_a_ship_never_both_wins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 12; round++) {
                String orderId = processedOrder();
                Seller.expect(requests.requestCancellation(buyerId, orderId, "too slow", null), 202);
                CountDownLatch start = new CountDownLatch(1);
                Future<ApiResponse> approve = pool.submit(() -> {
                    start.await();
                    return requests.decide(sellerId, orderId, "approve", null, null);
                });
                Future<ApiResponse> ship = pool.submit(() -> {
                    start.await();
                    return seller.ship(orderId, "ups", TestData.trackingNumber());
                });
                start.countDown();
                int approveStatus = approve.get().status();
                int shipStatus = ship.get().status();

                JsonNode order = seller.order(orderId);
                assertThat(List.of(approveStatus, shipStatus)).as("round %d: approve %s, ship %s", round,
                        approve.get().body(), ship.get().body()).containsExactlyInAnyOrder(200, 409);
                if (approveStatus == 200) {
                    assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
                    assertThat(order.has("shipment")).isFalse();
                    assertThat(order.at("/cancellationRequest/state").asText()).isEqualTo("APPROVED");
                } else {
                    assertThat(order.get("status").asText()).isEqualTo("SHIPPED");
                    assertThat(order.at("/cancellationRequest/decidedBy").asText()).isEqualTo("system");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twenty_concurrent_partial_refunds_never_exceed_the_total() throws Exception {
        // GIVEN a shipped order and 20 refunds of an eighth of its total each, all at once, each with its own key
        String orderId = seller.processAndShip(seller.createOrder(buyerId), TestData.trackingNumber(), null);
        BigDecimal total = new BigDecimal(seller.order(orderId).at("/totals/total").asText());
        BigDecimal eighth = total.divide(BigDecimal.valueOf(8), 2, RoundingMode.DOWN);
        int fit = total.divide(eighth, 0, RoundingMode.DOWN).intValue();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<ApiResponse>> responses = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (int i = 0; i < 20; i++) {
                String key = "refund-" + i + "-" + UUID.randomUUID();
                Callable<ApiResponse> refund = () -> {
                    start.await();
                    return requests.refundAmount(sellerId, orderId, eighth.toPlainString(), key);
                };
                responses.add(pool.submit(refund));
            }
            start.countDown();
            List<ApiResponse> done = new ArrayList<>();
            for (Future<ApiResponse> response : responses) {
                done.add(response.get());
            }

            // THEN exactly those that fit succeed, the others are 409, and the order adds up
            assertThat(done).filteredOn(r -> r.status() == 201).hasSize(fit);
            assertThat(done).filteredOn(r -> r.status() == 409).hasSize(20 - fit)
                    .allSatisfy(r -> assertThat(r.json().get("type").asText()).endsWith("/refund-exceeds-total"));
            JsonNode order = seller.order(orderId);
            BigDecimal expected = eighth.multiply(BigDecimal.valueOf(fit));
            assertThat(new BigDecimal(order.get("refundedTotal").asText())).isEqualByComparingTo(expected);
            assertThat(order.get("refunds")).hasSize(fit);
            assertThat(order.get("status").asText()).isEqualTo("SHIPPED");
            assertThat(new BigDecimal(buyerView(orderId).get("refundedTotal").asText())).isEqualByComparingTo(expected);
            Set<String> ids = new HashSet<>();
            order.get("refunds").forEach(r -> ids.add(r.get("refundId").asText()));
            assertThat(ids).hasSize(fit);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refunds_of_units_are_bounded_retries_replay_and_the_full_refund_pays_the_rest() {
        String orderId = seller.createOrder(buyerId);
        String twoMugs = "{\"items\":[{\"sku\":\"MUG-01\",\"quantity\":2}],\"reason\":\"broken\",\"returnless\":true}";

        ApiResponse mugs = requests.refund(sellerId, orderId, twoMugs, "mugs-" + orderId);
        ApiResponse mugsRetry = requests.refund(sellerId, orderId, twoMugs, "mugs-" + orderId);
        ApiResponse oneMore = requests.refund(sellerId, orderId,
                "{\"items\":[{\"sku\":\"MUG-01\",\"quantity\":1}],\"reason\":\"broken\"}", "mug3-" + orderId);

        // 2 x 12.50 less their 10% share of the discount
        assertThat(mugs.status()).as(mugs.body()).isEqualTo(201);
        assertThat(new BigDecimal(mugs.json().get("amount").asText())).isEqualByComparingTo("22.50");
        assertThat(mugs.json().get("returnless").asBoolean()).isTrue();
        assertThat(mugsRetry.status()).isEqualTo(201);
        assertThat(mugsRetry.header("idempotent-replayed")).isEqualTo("true");
        assertThat(mugsRetry.json().get("refundId")).isEqualTo(mugs.json().get("refundId"));
        assertThat(oneMore.status()).isEqualTo(409);
        assertThat(oneMore.json().get("type").asText()).endsWith("/items-already-refunded");
        ApiResponse reused = requests.refund(sellerId, orderId, "{\"amount\":\"1.00\",\"reason\":\"x\"}", "mugs-" + orderId);
        assertThat(reused.status()).isEqualTo(422);

        // WHEN the seller cancels and issues the full refund: it pays what is left, and nothing more can be refunded
        Seller.expect(client.send("POST", "/orders/" + orderId + "/cancel", client.token("seller", sellerId),
                "{\"reason\":\"out of stock\"}", Map.of()), 200);
        ApiResponse full = client.send("POST", "/orders/" + orderId + "/refund", client.token("seller", sellerId), null, Map.of());
        assertThat(full.status()).as(full.body()).isEqualTo(200);
        BigDecimal total = new BigDecimal(full.json().at("/totals/total").asText());
        assertThat(full.json().get("status").asText()).isEqualTo("REFUNDED");
        assertThat(new BigDecimal(full.json().at("/refund/amount").asText()))
                .isEqualByComparingTo(total.subtract(new BigDecimal("22.50")));
        assertThat(new BigDecimal(full.json().get("refundedTotal").asText())).isEqualByComparingTo(total);
        assertThat(full.json().get("refunds")).extracting(r -> r.get("kind").asText()).containsExactly("PARTIAL", "FULL");
        assertThat(requests.refundAmount(sellerId, orderId, "0.01", "late-" + orderId).status()).isEqualTo(409);
    }

    @Test
    void bad_refunds_are_400_naming_each_field_and_other_sellers_orders_are_404() {
        String orderId = seller.createOrder(buyerId);

        ApiResponse both = requests.refund(sellerId, orderId,
                "{\"amount\":\"-1\",\"items\":[],\"returnless\":\"yes\",\"note\":1}", null);
        ApiResponse badItems = requests.refund(sellerId, orderId,
                "{\"items\":[{\"sku\":\"NOPE\",\"quantity\":1},{\"sku\":\"TEE-M\",\"quantity\":5}],\"reason\":\"r\"}", "k-" + orderId);
        ApiResponse decimals = requests.refund(sellerId, orderId, "{\"amount\":\"1.001\",\"reason\":\"r\"}", "d-" + orderId);
        ApiResponse foreign = requests.refundAmount("another-seller", orderId, "1.00", "f-" + orderId);

        assertThat(both.status()).isEqualTo(400);
        assertThat(fields(both)).contains("Idempotency-Key", "reason", "returnless", "note", "items");
        assertThat(badItems.status()).isEqualTo(400);
        assertThat(fields(badItems)).containsExactly("items[0].sku", "items[1].quantity");
        assertThat(decimals.status()).isEqualTo(400);
        assertThat(fields(decimals)).containsExactly("amount");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(seller.order(orderId).get("refunds")).isEmpty();
    }

    @Test
    void a_compensation_retried_with_the_same_key_creates_one_coupon() {
        // GIVEN an order flagged late by the delay monitor
        Instant eta = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        String orderId = seller.shipNewOrder(TestData.orderBody(buyerId), TestData.trackingNumber(), eta);
        Seller.expect(client.invokeScheduled("DelayMonitorFunction"), 200);
        String body = "{\"type\":\"coupon\",\"percentOff\":10}";

        // WHEN the seller's request is sent twice with one key, then once with another key for another discount
        ApiResponse first = requests.compensate(sellerId, orderId, body, "sorry-" + orderId);
        ApiResponse retry = requests.compensate(sellerId, orderId, body, "sorry-" + orderId);
        ApiResponse reused = requests.compensate(sellerId, orderId, "{\"type\":\"coupon\",\"percentOff\":20}", "sorry-" + orderId);

        // THEN one coupon exists, and the retry answered with it
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("idempotent-replayed")).isEqualTo("true");
        assertThat(retry.json().get("code")).isEqualTo(first.json().get("code"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(seller.order(orderId).get("compensations")).hasSize(1);
    }
}

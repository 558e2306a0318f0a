package com.ordertracking.systemtests.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.Caller;
import com.ordertracking.systemtests.driver.InProcessApi;
import com.ordertracking.systemtests.driver.SampleRequest;
import com.ordertracking.systemtests.driver.Seller;
import com.ordertracking.systemtests.driver.StoredOrders;
import com.ordertracking.systemtests.driver.TestData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/** The buyer order API, and the seller's side of returns, through the handlers against the embedded stack. */
@ExtendWith(LocalCloudExtension.class)
class BuyerOrdersIT {
    private final InProcessApi api;
    private final StoredOrders stored;
    private final Seller seller;
    private final String sellerId = "seller-" + UUID.randomUUID();
    private final String buyerId = "buyer-" + UUID.randomUUID();
    private final Caller buyer;

    BuyerOrdersIT(LocalCloud cloud) {
        this.api = new InProcessApi(cloud);
        this.stored = new StoredOrders(cloud);
        this.seller = new Seller(api, sellerId);
        this.buyer = Caller.buyer(buyerId);
    }

    // ------------------------------------------------------------------ history and detail

    @Test
    void buyer_sees_only_own_orders_in_history_and_detail() {
        // GIVEN two orders for this buyer (from two sellers) and one for another buyer
        String mine1 = seller.createOrder(buyerId);
        String mine2 = new Seller(api, "seller-" + UUID.randomUUID()).createOrder(buyerId);
        String theirs = seller.createOrder("buyer-" + UUID.randomUUID());

        // WHEN the buyer reads the history and the other buyer's order
        ApiResponse list = me("events/buyers/list-my-orders.json").send(api, buyer);
        ApiResponse other = me("events/buyers/get-my-order.json").order(theirs).send(api, buyer);

        // THEN only its own orders are listed, newest first, as summaries; the other order is 404
        assertThat(list.status()).isEqualTo(200);
        JsonNode page = list.json();
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(o -> ids.add(o.get("orderId").asText()));
        assertThat(ids).containsExactly(mine2, mine1);
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("total").asText()).isEqualTo("45.48");
        assertThat(first.get("status").asText()).isEqualTo("PENDING");
        assertThat(first.has("createdAt")).isTrue();
        assertThat(first.get("sellerId").asText()).isNotBlank();
        assertThat(first.get("firstItems").get(0).get("sku").asText()).isEqualTo("MUG-01");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.headers()).containsEntry("content-type", "application/problem+json");
    }

    @Test
    void history_pages_with_a_cursor_and_rejects_bad_parameters() {
        for (int i = 0; i < 3; i++) {
            seller.createOrder(buyerId);
        }

        JsonNode first = me("events/buyers/list-my-orders.json").query(Map.of("limit", "2")).send(api, buyer).json();
        JsonNode second = me("events/buyers/list-my-orders.json")
                .query(Map.of("limit", "2", "cursor", first.get("nextCursor").asText())).send(api, buyer).json();
        ApiResponse bad = me("events/buyers/list-my-orders.json")
                .query(Map.of("limit", "x")).send(api, buyer);

        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.path("nextCursor").isMissingNode() || second.get("nextCursor").isNull()).isTrue();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("limit");
    }

    @Test
    void detail_has_shipment_eta_and_timeline() {
        String orderId = shippedByUps(seller.createOrder(buyerId));
        Order shipped = stored.find(orderId);

        ApiResponse response = me("events/buyers/get-my-order.json").order(orderId).send(api, buyer);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(body.at("/shipment/carrier").asText()).isEqualTo("ups");
        assertThat(Instant.parse(body.get("estimatedDelivery").asText())).isEqualTo(shipped.shipment().estimatedDelivery());
        List<String> statuses = new ArrayList<>();
        body.get("timeline").forEach(e -> statuses.add(e.get("status").asText()));
        assertThat(statuses).containsExactly("PENDING", "PROCESSED", "SHIPPED");
    }

    @ParameterizedTest
    @Event(value = "events/buyers/get-my-order-as-seller.json", type = APIGatewayV2HTTPEvent.class)
    void a_seller_token_cannot_use_buyer_routes(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = api.<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>function("GetMyOrderFunction")
                .handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(403);
    }

    // ------------------------------------------------------------------ address

    @Test
    void address_change_while_pending_is_200_and_later_409_telling_to_contact_the_seller() {
        String orderId = seller.createOrder(buyerId);

        ApiResponse pending = me("events/buyers/change-shipping-address.json").order(orderId).send(api, buyer);
        Seller.expect(seller.process(orderId), 200);
        ApiResponse processed = me("events/buyers/change-shipping-address.json").order(orderId).send(api, buyer);
        ApiResponse otherBuyer = me("events/buyers/change-shipping-address.json").order(orderId)
                .send(api, Caller.buyer("buyer-" + UUID.randomUUID()));

        assertThat(pending.status()).as(pending.body()).isEqualTo(200);
        assertThat(pending.json().at("/shippingAddress/line1").asText()).isEqualTo("1 Dr Carlton B Goodlett Pl");
        assertThat(processed.status()).isEqualTo(409);
        assertThat(processed.json().get("detail").asText()).contains("contact the seller");
        assertThat(otherBuyer.status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ feedback

    @Test
    void feedback_before_delivery_409_rating_six_400_after_delivery_201_then_once_only() {
        // GIVEN a shipped, undelivered order
        String orderId = shippedByUps(seller.createOrder(buyerId));

        ApiResponse early = feedbackEvent(orderId).send(api, buyer);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("type").asText()).isEqualTo("/problems/not-delivered");

        // WHEN it is delivered
        stored.deliver(orderId, Instant.now());
        ApiResponse six = me("events/buyers/leave-feedback-invalid.json").order(orderId).send(api, buyer);
        ApiResponse good = feedbackEvent(orderId).send(api, buyer);
        ApiResponse again = feedbackEvent(orderId).send(api, buyer);

        // THEN 6 is out of range, 5 is recorded once, a second is 409
        assertThat(six.status()).isEqualTo(400);
        assertThat(six.json().at("/errors/0/field").asText()).isEqualTo("rating");
        assertThat(good.status()).as(good.body()).isEqualTo(201);
        assertThat(good.json().get("rating").asInt()).isEqualTo(5);
        assertThat(stored.find(orderId).feedback().comment()).isEqualTo("Arrived early, well packed");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).isEqualTo("/problems/feedback-already-given");
    }

    // ------------------------------------------------------------------ returns

    @Test
    void return_requested_approved_received_refunded_and_a_second_refund_is_409() {
        // GIVEN an order delivered two days ago
        String orderId = seller.createOrder(buyerId);
        stored.deliver(shippedByUps(orderId), Instant.now().minus(2, ChronoUnit.DAYS));

        // WHEN the buyer returns one T-shirt and the seller approves, receives and refunds
        ApiResponse requested = me("events/buyers/request-return.json").order(orderId).send(api, buyer);
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String returnId = requested.json().get("returnId").asText();
        assertThat(stored.find(orderId).status()).isEqualTo(OrderStatus.RETURN_REQUESTED);

        ApiResponse approved = seller("events/orders/approve-return.json", orderId, returnId);
        ApiResponse received = seller("events/orders/receive-return.json", orderId, returnId);
        ApiResponse refunded = seller("events/orders/refund-order.json", orderId, null);
        ApiResponse again = seller("events/orders/refund-order.json", orderId, null);

        // THEN each step moved the order on, the refund is the T-shirt less its share of the 10 % discount, once
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("RETURN_APPROVED");
        assertThat(received.status()).isEqualTo(200);
        assertThat(received.json().get("status").asText()).isEqualTo("RETURNED");
        assertThat(refunded.status()).isEqualTo(200);
        assertThat(refunded.json().get("status").asText()).isEqualTo("REFUNDED");
        // 19.99 - 4.50 × 19.99 / 44.99 = 19.99 - 2.00 = 17.99
        assertThat(refunded.json().at("/refund/amount").asText()).isEqualTo("17.99");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.headers()).containsEntry("content-type", "application/problem+json");
        List<String> statuses = new ArrayList<>();
        stored.timeline(orderId).forEach(e -> statuses.add(String.valueOf(e.status())));
        assertThat(statuses).containsSubsequence("DELIVERED", "RETURN_REQUESTED", "RETURN_APPROVED", "RETURNED", "REFUNDED");
    }

    @Test
    void return_of_an_undelivered_order_or_after_thirty_days_is_409_and_unknown_return_is_404() {
        String undelivered = seller.createOrder(buyerId);
        String late = seller.createOrder(buyerId);
        stored.deliver(shippedByUps(late), Instant.now().minus(31, ChronoUnit.DAYS));

        ApiResponse tooEarly = me("events/buyers/request-return.json").order(undelivered).send(api, buyer);
        ApiResponse tooLate = me("events/buyers/request-return.json").order(late).send(api, buyer);
        ApiResponse unknown = seller("events/orders/approve-return.json", late, "ret_nope");

        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().get("type").asText()).isEqualTo("/problems/not-delivered");
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.json().get("type").asText()).isEqualTo("/problems/return-window-closed");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(stored.find(late).status()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void returning_an_item_not_in_the_order_is_400_and_a_rejected_return_cannot_be_received_or_refunded() {
        String orderId = seller.createOrder(buyerId);
        stored.deliver(shippedByUps(orderId), Instant.now().minus(1, ChronoUnit.DAYS));

        ApiResponse wrongItem = me("events/buyers/request-return.json").order(orderId)
                .body(Map.of("reason", "x", "items", List.of(Map.of("sku", "HAT-9", "quantity", 1)))).send(api, buyer);
        assertThat(wrongItem.status()).isEqualTo(400);
        assertThat(wrongItem.json().at("/errors/0/field").asText()).isEqualTo("items[0].sku");

        String returnId = me("events/buyers/request-return.json").order(orderId).send(api, buyer).json()
                .get("returnId").asText();
        ApiResponse rejected = seller("events/orders/reject-return.json", orderId, returnId);
        ApiResponse received = seller("events/orders/receive-return.json", orderId, returnId);
        ApiResponse refunded = seller("events/orders/refund-order.json", orderId, null);

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().at("/returnRequest/decisionNote").asText()).isEqualTo("Item shows signs of use");
        assertThat(received.status()).isEqualTo(409);
        assertThat(refunded.status()).isEqualTo(409);
        assertThat(stored.find(orderId).status()).isEqualTo(OrderStatus.RETURN_REJECTED);
    }

    // ------------------------------------------------------------------ helpers

    /** Processes and ships the order through the seller API (UPS, due in three days). */
    private String shippedByUps(String orderId) {
        return seller.processAndShip(orderId, TestData.trackingNumber(),
                Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
    }

    private static SampleRequest me(String fixture) {
        return SampleRequest.of(fixture);
    }

    private static SampleRequest feedbackEvent(String orderId) {
        return me("events/buyers/leave-feedback.json").order(orderId);
    }

    /** A seller-side sample request on the order (and its return when not null), sent as the order's seller. */
    private ApiResponse seller(String fixture, String orderId, String returnId) {
        SampleRequest request = SampleRequest.of(fixture).order(orderId);
        if (returnId != null) {
            request.path("returnId", returnId);
        }
        return request.send(api, Caller.seller(sellerId));
    }
}

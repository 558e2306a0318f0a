package com.ordertracking.buyers;

import static com.ordertracking.orders.ApiEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.orders.ApiEvents;
import com.ordertracking.orders.ApproveReturnHandler;
import com.ordertracking.orders.ReceiveReturnHandler;
import com.ordertracking.orders.RefundOrderHandler;
import com.ordertracking.orders.RejectReturnHandler;
import com.ordertracking.orders.TestOrders;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
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
    private final TestOrders orders;
    private final ListMyOrdersHandler history;
    private final GetMyOrderHandler detail;
    private final ChangeShippingAddressHandler changeAddress;
    private final RequestReturnHandler requestReturn;
    private final LeaveFeedbackHandler feedback;
    private final ApproveReturnHandler approve;
    private final RejectReturnHandler reject;
    private final ReceiveReturnHandler receive;
    private final RefundOrderHandler refund;
    private final String sellerId = "seller-" + UUID.randomUUID();
    private final String buyerId = "buyer-" + UUID.randomUUID();

    BuyerOrdersIT(LocalCloud cloud) {
        this.orders = new TestOrders(cloud);
        this.history = cloud.instantiate("ListMyOrdersFunction", ListMyOrdersHandler::new);
        this.detail = cloud.instantiate("GetMyOrderFunction", GetMyOrderHandler::new);
        this.changeAddress = cloud.instantiate("ChangeShippingAddressFunction", ChangeShippingAddressHandler::new);
        this.requestReturn = cloud.instantiate("RequestReturnFunction", RequestReturnHandler::new);
        this.feedback = cloud.instantiate("LeaveFeedbackFunction", LeaveFeedbackHandler::new);
        this.approve = cloud.instantiate("ApproveReturnFunction", ApproveReturnHandler::new);
        this.reject = cloud.instantiate("RejectReturnFunction", RejectReturnHandler::new);
        this.receive = cloud.instantiate("ReceiveReturnFunction", ReceiveReturnHandler::new);
        this.refund = cloud.instantiate("RefundOrderFunction", RefundOrderHandler::new);
    }

    // ------------------------------------------------------------------ history and detail

    @Test
    void buyer_sees_only_own_orders_in_history_and_detail() {
        // GIVEN two orders for this buyer (from two sellers) and one for another buyer
        String mine1 = orders.place(sellerId, buyerId);
        String mine2 = orders.place("seller-" + UUID.randomUUID(), buyerId);
        String theirs = orders.place(sellerId, "buyer-" + UUID.randomUUID());

        // WHEN the buyer reads the history and the other buyer's order
        APIGatewayV2HTTPResponse list = history.handleRequest(me("events/buyers/list-my-orders.json").event(), null);
        APIGatewayV2HTTPResponse other = detail.handleRequest(me("events/buyers/get-my-order.json").order(theirs).event(), null);

        // THEN only its own orders are listed, newest first, as summaries; the other order is 404
        assertThat(list.getStatusCode()).isEqualTo(200);
        JsonNode page = json(list);
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(o -> ids.add(o.get("orderId").asText()));
        assertThat(ids).containsExactly(mine2, mine1);
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("total").asText()).isEqualTo("45.48");
        assertThat(first.get("status").asText()).isEqualTo("PENDING");
        assertThat(first.has("createdAt")).isTrue();
        assertThat(first.get("sellerId").asText()).isNotBlank();
        assertThat(first.get("firstItems").get(0).get("sku").asText()).isEqualTo("MUG-01");
        assertThat(other.getStatusCode()).isEqualTo(404);
        assertThat(other.getHeaders()).containsEntry("content-type", "application/problem+json");
    }

    @Test
    void history_pages_with_a_cursor_and_rejects_bad_parameters() {
        for (int i = 0; i < 3; i++) {
            orders.place(sellerId, buyerId);
        }

        JsonNode first = json(history.handleRequest(me("events/buyers/list-my-orders.json").query(Map.of("limit", "2")).event(), null));
        JsonNode second = json(history.handleRequest(me("events/buyers/list-my-orders.json")
                .query(Map.of("limit", "2", "cursor", first.get("nextCursor").asText())).event(), null));
        APIGatewayV2HTTPResponse bad = history.handleRequest(me("events/buyers/list-my-orders.json")
                .query(Map.of("limit", "x")).event(), null);

        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.path("nextCursor").isMissingNode() || second.get("nextCursor").isNull()).isTrue();
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(json(bad).at("/errors/0/field").asText()).isEqualTo("limit");
    }

    @Test
    void detail_has_shipment_eta_and_timeline() {
        String orderId = orders.place(sellerId, buyerId);
        Order shipped = orders.ship(orderId);

        APIGatewayV2HTTPResponse response = detail.handleRequest(me("events/buyers/get-my-order.json").order(orderId).event(), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = json(response);
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
        APIGatewayV2HTTPResponse response = detail.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(403);
    }

    // ------------------------------------------------------------------ address

    @Test
    void address_change_while_pending_is_200_and_later_409_telling_to_contact_the_seller() {
        String orderId = orders.place(sellerId, buyerId);

        APIGatewayV2HTTPResponse pending = changeAddress.handleRequest(
                me("events/buyers/change-shipping-address.json").order(orderId).event(), null);
        orders.advance(orderId, OrderStatus.PROCESSED);
        APIGatewayV2HTTPResponse processed = changeAddress.handleRequest(
                me("events/buyers/change-shipping-address.json").order(orderId).event(), null);
        APIGatewayV2HTTPResponse otherBuyer = changeAddress.handleRequest(
                me("events/buyers/change-shipping-address.json").buyer("buyer-" + UUID.randomUUID()).order(orderId).event(), null);

        assertThat(pending.getStatusCode()).as(pending.getBody()).isEqualTo(200);
        assertThat(json(pending).at("/shippingAddress/line1").asText()).isEqualTo("1 Dr Carlton B Goodlett Pl");
        assertThat(processed.getStatusCode()).isEqualTo(409);
        assertThat(json(processed).get("detail").asText()).contains("contact the seller");
        assertThat(otherBuyer.getStatusCode()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ feedback

    @Test
    void feedback_before_delivery_409_rating_six_400_after_delivery_201_then_once_only() {
        // GIVEN a shipped, undelivered order
        String orderId = orders.place(sellerId, buyerId);
        orders.ship(orderId);

        APIGatewayV2HTTPResponse early = feedback.handleRequest(feedbackEvent(orderId).event(), null);
        assertThat(early.getStatusCode()).isEqualTo(409);
        assertThat(json(early).get("type").asText()).isEqualTo("/problems/not-delivered");

        // WHEN it is delivered
        orders.advance(orderId, OrderStatus.DELIVERED);
        APIGatewayV2HTTPResponse six = feedback.handleRequest(me("events/buyers/leave-feedback-invalid.json").order(orderId).event(), null);
        APIGatewayV2HTTPResponse good = feedback.handleRequest(feedbackEvent(orderId).event(), null);
        APIGatewayV2HTTPResponse again = feedback.handleRequest(feedbackEvent(orderId).event(), null);

        // THEN 6 is out of range, 5 is recorded once, a second is 409
        assertThat(six.getStatusCode()).isEqualTo(400);
        assertThat(json(six).at("/errors/0/field").asText()).isEqualTo("rating");
        assertThat(good.getStatusCode()).as(good.getBody()).isEqualTo(201);
        assertThat(json(good).get("rating").asInt()).isEqualTo(5);
        assertThat(orders.find(orderId).feedback().comment()).isEqualTo("Arrived early, well packed");
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(json(again).get("type").asText()).isEqualTo("/problems/feedback-already-given");
    }

    // ------------------------------------------------------------------ returns

    @Test
    void return_requested_approved_received_refunded_and_a_second_refund_is_409() {
        // GIVEN an order delivered two days ago
        String orderId = orders.place(sellerId, buyerId);
        orders.deliver(orderId, Instant.now().minus(2, ChronoUnit.DAYS));

        // WHEN the buyer returns one T-shirt and the seller approves, receives and refunds
        APIGatewayV2HTTPResponse requested = requestReturn.handleRequest(me("events/buyers/request-return.json").order(orderId).event(), null);
        assertThat(requested.getStatusCode()).as(requested.getBody()).isEqualTo(201);
        String returnId = json(requested).get("returnId").asText();
        assertThat(orders.find(orderId).status()).isEqualTo(OrderStatus.RETURN_REQUESTED);

        APIGatewayV2HTTPResponse approved = approve.handleRequest(seller("events/orders/approve-return.json", orderId, returnId), null);
        APIGatewayV2HTTPResponse received = receive.handleRequest(seller("events/orders/receive-return.json", orderId, returnId), null);
        APIGatewayV2HTTPResponse refunded = refund.handleRequest(seller("events/orders/refund-order.json", orderId, null), null);
        APIGatewayV2HTTPResponse again = refund.handleRequest(seller("events/orders/refund-order.json", orderId, null), null);

        // THEN each step moved the order on, the refund is the T-shirt less its share of the 10 % discount, once
        assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(200);
        assertThat(json(approved).get("status").asText()).isEqualTo("RETURN_APPROVED");
        assertThat(received.getStatusCode()).isEqualTo(200);
        assertThat(json(received).get("status").asText()).isEqualTo("RETURNED");
        assertThat(refunded.getStatusCode()).isEqualTo(200);
        assertThat(json(refunded).get("status").asText()).isEqualTo("REFUNDED");
        // 19.99 - 4.50 × 19.99 / 44.99 = 19.99 - 2.00 = 17.99
        assertThat(json(refunded).at("/refund/amount").asText()).isEqualTo("17.99");
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(again.getHeaders()).containsEntry("content-type", "application/problem+json");
        List<String> statuses = new ArrayList<>();
        orders.repository().timeline(orderId).forEach(e -> statuses.add(String.valueOf(e.status())));
        assertThat(statuses).containsSubsequence("DELIVERED", "RETURN_REQUESTED", "RETURN_APPROVED", "RETURNED", "REFUNDED");
    }

    @Test
    void return_of_an_undelivered_order_or_after_thirty_days_is_409_and_unknown_return_is_404() {
        String undelivered = orders.place(sellerId, buyerId);
        String late = orders.place(sellerId, buyerId);
        orders.deliver(late, Instant.now().minus(31, ChronoUnit.DAYS));

        APIGatewayV2HTTPResponse tooEarly = requestReturn.handleRequest(me("events/buyers/request-return.json").order(undelivered).event(), null);
        APIGatewayV2HTTPResponse tooLate = requestReturn.handleRequest(me("events/buyers/request-return.json").order(late).event(), null);
        APIGatewayV2HTTPResponse unknown = approve.handleRequest(seller("events/orders/approve-return.json", late, "ret_nope"), null);

        assertThat(tooEarly.getStatusCode()).isEqualTo(409);
        assertThat(json(tooEarly).get("type").asText()).isEqualTo("/problems/not-delivered");
        assertThat(tooLate.getStatusCode()).isEqualTo(409);
        assertThat(json(tooLate).get("type").asText()).isEqualTo("/problems/return-window-closed");
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(orders.find(late).status()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void returning_an_item_not_in_the_order_is_400_and_a_rejected_return_cannot_be_received_or_refunded() {
        String orderId = orders.place(sellerId, buyerId);
        orders.deliver(orderId, Instant.now().minus(1, ChronoUnit.DAYS));

        APIGatewayV2HTTPResponse wrongItem = requestReturn.handleRequest(me("events/buyers/request-return.json").order(orderId)
                .body(Map.of("reason", "x", "items", List.of(Map.of("sku", "HAT-9", "quantity", 1)))).event(), null);
        assertThat(wrongItem.getStatusCode()).isEqualTo(400);
        assertThat(json(wrongItem).at("/errors/0/field").asText()).isEqualTo("items[0].sku");

        String returnId = json(requestReturn.handleRequest(me("events/buyers/request-return.json").order(orderId).event(), null))
                .get("returnId").asText();
        APIGatewayV2HTTPResponse rejected = reject.handleRequest(seller("events/orders/reject-return.json", orderId, returnId), null);
        APIGatewayV2HTTPResponse received = receive.handleRequest(seller("events/orders/receive-return.json", orderId, returnId), null);
        APIGatewayV2HTTPResponse refunded = refund.handleRequest(seller("events/orders/refund-order.json", orderId, null), null);

        assertThat(rejected.getStatusCode()).isEqualTo(200);
        assertThat(json(rejected).at("/returnRequest/decisionNote").asText()).isEqualTo("Item shows signs of use");
        assertThat(received.getStatusCode()).isEqualTo(409);
        assertThat(refunded.getStatusCode()).isEqualTo(409);
        assertThat(orders.find(orderId).status()).isEqualTo(OrderStatus.RETURN_REJECTED);
    }

    // ------------------------------------------------------------------ helpers

    private ApiEvents me(String fixture) {
        return ApiEvents.from(fixture).buyer(buyerId);
    }

    private ApiEvents feedbackEvent(String orderId) {
        return me("events/buyers/leave-feedback.json").order(orderId);
    }

    private APIGatewayV2HTTPEvent seller(String fixture, String orderId, String returnId) {
        ApiEvents event = ApiEvents.from(fixture).seller(sellerId).order(orderId);
        if (returnId != null) {
            event.path("returnId", returnId);
        }
        return event.event();
    }
}

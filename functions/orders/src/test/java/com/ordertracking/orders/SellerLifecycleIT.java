package com.ordertracking.orders;

import static com.ordertracking.orders.ApiEvents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.domain.IllegalTransitionException;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/** The seller's order lifecycle routes, through the handlers, against the embedded AWS stack. */
@ExtendWith(LocalCloudExtension.class)
class SellerLifecycleIT {
    private final StoredOrders orders;
    private final ListOrdersHandler list;
    private final UpdateOrderHandler update;
    private final CancelOrderHandler cancel;
    private final RefundOrderHandler refund;
    private final String sellerId = "seller-" + UUID.randomUUID();
    private final String buyerId = "buyer-" + UUID.randomUUID();

    SellerLifecycleIT(LocalCloud cloud) {
        this.orders = new StoredOrders(cloud);
        this.list = cloud.instantiate("ListOrdersFunction", ListOrdersHandler::new);
        this.update = cloud.instantiate("UpdateOrderFunction", UpdateOrderHandler::new);
        this.cancel = cloud.instantiate("CancelOrderFunction", CancelOrderHandler::new);
        this.refund = cloud.instantiate("RefundOrderFunction", RefundOrderHandler::new);
    }

    // ------------------------------------------------------------------ listing

    @Test
    void seven_orders_listed_three_per_page_come_back_exactly_once_over_three_pages_newest_first() {
        // GIVEN seven orders of one seller
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            placed.add(orders.place(sellerId, buyerId));
        }

        // WHEN the seller pages through them three at a time
        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        List<String> createdAt = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> query = cursor == null ? Map.of("limit", "3") : Map.of("limit", "3", "cursor", cursor);
            APIGatewayV2HTTPResponse response = list.handleRequest(listEvent(query).event(), null);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            JsonNode page = json(response);
            pageSizes.add(page.get("items").size());
            page.get("items").forEach(order -> {
                seen.add(order.get("orderId").asText());
                createdAt.add(order.get("createdAt").asText());
            });
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
        } while (cursor != null && pageSizes.size() < 10);

        // THEN three pages (3, 3, 1) hold the seven orders once each, newest first, and the last has no cursor
        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(placed);
        assertThat(createdAt).isSortedAccordingTo((a, b) -> java.time.Instant.parse(b).compareTo(java.time.Instant.parse(a)));
    }

    @Test
    void status_filter_returns_exactly_the_orders_in_that_status() {
        // GIVEN five orders, two of them moved to PROCESSED and one cancelled
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(orders.place(sellerId, buyerId));
        }
        orders.advance(placed.get(1), OrderStatus.PROCESSED);
        orders.advance(placed.get(3), OrderStatus.PROCESSED);
        orders.advance(placed.get(4), OrderStatus.CANCELLED);

        // WHEN the seller lists PROCESSED and PENDING orders
        JsonNode processed = json(list.handleRequest(listEvent(Map.of("status", "PROCESSED")).event(), null));
        JsonNode pending = json(list.handleRequest(listEvent(Map.of("status", "PENDING")).event(), null));

        // THEN each listing holds exactly the orders in that status (the index key followed the status)
        assertThat(ids(processed)).containsExactlyInAnyOrder(placed.get(1), placed.get(3));
        assertThat(processed.get("items")).allSatisfy(o -> assertThat(o.get("status").asText()).isEqualTo("PROCESSED"));
        assertThat(ids(pending)).containsExactlyInAnyOrder(placed.get(0), placed.get(2));
        assertThat(processed.path("nextCursor").isMissingNode() || processed.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void created_range_and_status_filters_combine() {
        // GIVEN two PROCESSED orders and one PENDING order
        String first = orders.place(sellerId, buyerId);
        String second = orders.place(sellerId, buyerId);
        orders.place(sellerId, buyerId);
        orders.advance(first, OrderStatus.PROCESSED);
        orders.advance(second, OrderStatus.PROCESSED);
        String secondCreated = orders.find(second).createdAt().toString();

        // WHEN the seller asks for PROCESSED orders created from the second one's creation time
        JsonNode page = json(list.handleRequest(listEvent(Map.of("status", "PROCESSED", "createdFrom", secondCreated)).event(), null));
        JsonNode upTo = json(list.handleRequest(listEvent(Map.of("createdTo", orders.find(first).createdAt().toString())).event(), null));

        // THEN only the second qualifies; and createdTo is inclusive
        assertThat(ids(page)).containsExactly(second);
        assertThat(ids(upTo)).containsExactly(first);
    }

    @ParameterizedTest
    @Event(value = "events/orders/list-orders-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void bad_listing_parameters_are_400_naming_each_parameter(APIGatewayV2HTTPEvent event) {
        // GIVEN limit=0, status=LOST and createdTo=yesterday (and an unknown parameter, which is ignored)
        event.getQueryStringParameters().put("colour", "blue");
        setSub(event, sellerId);

        APIGatewayV2HTTPResponse response = list.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(fields(json(response))).containsExactlyInAnyOrder("status", "limit", "createdTo");
    }

    @Test
    void limit_zero_alone_is_400_and_unknown_status_alone_is_400() {
        APIGatewayV2HTTPResponse limitZero = list.handleRequest(listEvent(Map.of("limit", "0")).event(), null);
        APIGatewayV2HTTPResponse limitHuge = list.handleRequest(listEvent(Map.of("limit", "101")).event(), null);
        APIGatewayV2HTTPResponse unknownStatus = list.handleRequest(listEvent(Map.of("status", "LOST")).event(), null);

        assertThat(limitZero.getStatusCode()).isEqualTo(400);
        assertThat(fields(json(limitZero))).containsExactly("limit");
        assertThat(limitHuge.getStatusCode()).isEqualTo(400);
        assertThat(unknownStatus.getStatusCode()).isEqualTo(400);
        assertThat(fields(json(unknownStatus))).containsExactly("status");
    }

    @Test
    void tampered_cursor_and_another_sellers_cursor_are_400_not_someone_elses_orders() {
        // GIVEN a real cursor of another seller
        String other = "seller-" + UUID.randomUUID();
        orders.place(other, buyerId);
        orders.place(other, buyerId);
        String theirCursor = json(list.handleRequest(listEvent(Map.of("limit", "1")).seller(other).event(), null))
                .get("nextCursor").asText();

        // WHEN this seller presents it, or garbage, or a cursor issued for another status
        APIGatewayV2HTTPResponse stolen = list.handleRequest(listEvent(Map.of("cursor", theirCursor)).event(), null);
        APIGatewayV2HTTPResponse garbage = list.handleRequest(listEvent(Map.of("cursor", "not-a-cursor!")).event(), null);
        APIGatewayV2HTTPResponse otherFilter = list.handleRequest(listEvent(Map.of("status", "PENDING", "cursor", theirCursor))
                .seller(other).event(), null);

        // THEN all are 400 naming the cursor
        for (APIGatewayV2HTTPResponse response : List.of(stolen, garbage, otherFilter)) {
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
            assertThat(fields(json(response))).containsExactly("cursor");
        }
    }

    @Test
    void a_buyer_token_cannot_list_seller_orders() {
        APIGatewayV2HTTPResponse response = list.handleRequest(listEvent(Map.of()).buyer(buyerId).event(), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
    }

    // ------------------------------------------------------------------ editing

    @Test
    void address_change_before_shipping_is_200_and_after_shipping_409_naming_the_carrier() {
        // GIVEN a pending order
        String orderId = orders.place(sellerId, buyerId);

        // WHEN the seller changes address and items with the current ETag
        APIGatewayV2HTTPResponse before = update.handleRequest(updateEvent(orderId, "\"1\"").event(), null);

        // THEN the address is changed and the items re-priced with the order's 10 % discount
        assertThat(before.getStatusCode()).as(before.getBody()).isEqualTo(200);
        assertThat(before.getHeaders()).containsEntry("etag", "\"2\"");
        JsonNode changed = json(before);
        assertThat(changed.at("/shippingAddress/line1").asText()).isEqualTo("1 Dr Carlton B Goodlett Pl");
        // 3 × 12.50 = 37.50; 10 % = 3.75; + 4.99 shipping = 38.74
        assertThat(changed.at("/totals/subtotal").asText()).isEqualTo("37.50");
        assertThat(changed.at("/totals/discount").asText()).isEqualTo("3.75");
        assertThat(changed.at("/totals/total").asText()).isEqualTo("38.74");
        assertThat(orders.repository().timeline(orderId)).anySatisfy(e -> assertThat(e.description()).contains("shipping address"));

        // GIVEN then the order ships
        Order shipped = orders.ship(orderId);

        // WHEN the seller tries again with the current ETag
        APIGatewayV2HTTPResponse after = update.handleRequest(
                updateEvent(orderId, "\"" + shipped.version() + "\"").event(), null);

        // THEN 409 tells them to contact the carrier, and nothing changed
        assertThat(after.getStatusCode()).isEqualTo(409);
        assertThat(json(after).get("type").asText()).isEqualTo("/problems/order-already-shipped");
        assertThat(json(after).get("detail").asText()).contains("contact the carrier").contains("ups");
        assertThat(orders.find(orderId).version()).isEqualTo(shipped.version());
    }

    @ParameterizedTest
    @Event(value = "events/orders/update-order-without-if-match.json", type = APIGatewayV2HTTPEvent.class)
    void edit_without_if_match_is_428_and_with_a_stale_etag_412(APIGatewayV2HTTPEvent event) {
        String orderId = orders.place(sellerId, buyerId);
        setSub(event, sellerId);
        event.getPathParameters().put("orderId", orderId);

        APIGatewayV2HTTPResponse missing = update.handleRequest(event, null);
        event.getHeaders().put("if-match", "\"7\"");
        APIGatewayV2HTTPResponse stale = update.handleRequest(event, null);

        assertThat(missing.getStatusCode()).isEqualTo(428);
        assertThat(stale.getStatusCode()).isEqualTo(412);
        assertThat(orders.find(orderId).version()).isEqualTo(1);
    }

    @Test
    void edit_with_bad_items_is_400_naming_the_fields_and_changes_nothing() {
        String orderId = orders.place(sellerId, buyerId);

        APIGatewayV2HTTPResponse response = update.handleRequest(updateEvent(orderId, "\"1\"")
                .body(Map.of("items", List.of(Map.of("sku", "MUG-01", "name", "Mug", "quantity", 0, "unitPrice", "1.234"))))
                .event(), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(fields(json(response))).contains("items[0].quantity");
        assertThat(orders.find(orderId).version()).isEqualTo(1);
    }

    @Test
    void two_concurrent_patches_with_the_same_etag_one_wins_200_the_other_412() throws Exception {
        // GIVEN an order at version 1 and two edits made from that version
        String orderId = orders.place(sellerId, buyerId);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (String city : List.of("Oakland", "Berkeley")) {
            APIGatewayV2HTTPEvent event = updateEvent(orderId, "\"1\"").editBody(body ->
                    ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("shippingAddress")).put("city", city)).event();
            calls.add(() -> {
                start.await();
                return update.handleRequest(event, null);
            });
        }

        // WHEN both are sent at once
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<APIGatewayV2HTTPResponse>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<APIGatewayV2HTTPResponse> future : futures) {
                statuses.add(future.get().getStatusCode());
            }
        }

        // THEN exactly one is applied and the other is told its ETag is stale
        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        assertThat(orders.find(orderId).version()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ cancel and refund

    @Test
    void cancel_after_shipping_is_409() {
        String orderId = orders.place(sellerId, buyerId);
        Order shipped = orders.ship(orderId);

        APIGatewayV2HTTPResponse response = cancel.handleRequest(cancelEvent(orderId), null);

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(json(response).get("type").asText()).isEqualTo("/problems/order-already-shipped");
        assertThat(orders.find(orderId).status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(orders.find(orderId).version()).isEqualTo(shipped.version());
    }

    @Test
    void cancel_pending_records_who_and_why_then_shipping_and_editing_are_illegal() {
        // GIVEN a pending order
        String orderId = orders.place(sellerId, buyerId);

        // WHEN the seller cancels it
        APIGatewayV2HTTPResponse response = cancel.handleRequest(cancelEvent(orderId), null);

        // THEN it is CANCELLED with who and why, and the timeline says so
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode order = json(response);
        assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.at("/cancellation/by").asText()).isEqualTo(sellerId);
        assertThat(order.at("/cancellation/byRole").asText()).isEqualTo("seller");
        assertThat(order.at("/cancellation/reason").asText()).isEqualTo("Buyer asked to cancel before dispatch");
        assertThat(orders.repository().timeline(orderId)).anySatisfy(e -> assertThat(e.status()).isEqualTo(OrderStatus.CANCELLED));

        // AND shipping it is an illegal transition, a second cancel and an edit are 409
        Order stored = orders.find(orderId);
        assertThatThrownBy(() -> stored.withStatus(OrderStatus.SHIPPED, java.time.Instant.now()))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> orders.advance(orderId, OrderStatus.SHIPPED)).isInstanceOf(IllegalTransitionException.class);
        APIGatewayV2HTTPResponse again = cancel.handleRequest(cancelEvent(orderId), null);
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(json(again).get("type").asText()).isEqualTo("/problems/illegal-transition");
        assertThat(update.handleRequest(updateEvent(orderId, "\"" + stored.version() + "\"").event(), null)
                .getStatusCode()).isEqualTo(409);
        assertThat(orders.find(orderId).version()).isEqualTo(stored.version());
    }

    @Test
    void cancel_without_reason_is_400() {
        String orderId = orders.place(sellerId, buyerId);

        APIGatewayV2HTTPResponse response = cancel.handleRequest(ApiEvents.from("events/orders/cancel-order.json")
                .seller(sellerId).order(orderId).body(Map.of()).event(), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(fields(json(response))).containsExactly("reason");
    }

    @Test
    void refund_only_after_cancel_and_only_once() {
        // GIVEN a pending order: refunding it is refused
        String orderId = orders.place(sellerId, buyerId);
        APIGatewayV2HTTPResponse tooEarly = refund.handleRequest(refundEvent(orderId), null);
        assertThat(tooEarly.getStatusCode()).isEqualTo(409);

        // WHEN it is cancelled and refunded, then refunded again
        cancel.handleRequest(cancelEvent(orderId), null);
        APIGatewayV2HTTPResponse first = refund.handleRequest(refundEvent(orderId), null);
        APIGatewayV2HTTPResponse second = refund.handleRequest(refundEvent(orderId), null);

        // THEN the first refunds the whole total, the second is 409
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
        assertThat(json(first).get("status").asText()).isEqualTo("REFUNDED");
        assertThat(json(first).at("/refund/amount").asText()).isEqualTo("45.48");
        assertThat(second.getStatusCode()).isEqualTo(409);
        assertThat(json(second).get("type").asText()).isEqualTo("/problems/already-refunded");
    }

    @Test
    void another_sellers_order_cannot_be_cancelled_or_edited() {
        String orderId = orders.place(sellerId, buyerId);
        String other = "seller-" + UUID.randomUUID();

        APIGatewayV2HTTPResponse cancelled = cancel.handleRequest(ApiEvents.from("events/orders/cancel-order.json")
                .seller(other).order(orderId).event(), null);
        APIGatewayV2HTTPResponse edited = update.handleRequest(updateEvent(orderId, "\"1\"").seller(other).event(), null);

        assertThat(cancelled.getStatusCode()).isEqualTo(404);
        assertThat(edited.getStatusCode()).isEqualTo(404);
        assertThat(orders.find(orderId).status()).isEqualTo(OrderStatus.PENDING);
    }

    // ------------------------------------------------------------------ helpers

    private ApiEvents listEventBuilder() {
        return ApiEvents.from("events/orders/list-orders.json").seller(sellerId);
    }

    private ApiEvents listEvent(Map<String, String> query) {
        return listEventBuilder().query(query);
    }

    private ApiEvents updateEvent(String orderId, String ifMatch) {
        return ApiEvents.from("events/orders/update-order.json").seller(sellerId).order(orderId).header("if-match", ifMatch);
    }

    private APIGatewayV2HTTPEvent cancelEvent(String orderId) {
        return ApiEvents.from("events/orders/cancel-order.json").seller(sellerId).order(orderId).event();
    }

    private APIGatewayV2HTTPEvent refundEvent(String orderId) {
        return ApiEvents.from("events/orders/refund-order.json").seller(sellerId).order(orderId).event();
    }

    private static void setSub(APIGatewayV2HTTPEvent event, String sub) {
        Map<String, String> claims = new java.util.HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("sub", sub);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        event.setHeaders(new java.util.HashMap<>(event.getHeaders()));
        event.setPathParameters(event.getPathParameters() == null ? new java.util.HashMap<>()
                : new java.util.HashMap<>(event.getPathParameters()));
        event.setQueryStringParameters(event.getQueryStringParameters() == null ? new java.util.HashMap<>()
                : new java.util.HashMap<>(event.getQueryStringParameters()));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(order -> ids.add(order.get("orderId").asText()));
        return ids;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}

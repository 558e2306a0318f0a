package com.ordertracking.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.adapters.persistence.TableKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The seller order API handlers against the embedded AWS stack, configured exactly as
 * template.yaml configures them.
 */
@ExtendWith(LocalCloudExtension.class)
class OrderApiIT {
    private final LocalCloud cloud;
    private final CreateOrderHandler create;
    private final GetOrderHandler get;
    /** Each test works as its own seller, so tests never see each other's data. */
    private final String sellerId = "seller-" + UUID.randomUUID();

    OrderApiIT(LocalCloud cloud) {
        this.cloud = cloud;
        this.create = cloud.instantiate("CreateOrderFunction", CreateOrderHandler::new);
        this.get = cloud.instantiate("GetOrderFunction", GetOrderHandler::new);
    }

    @ParameterizedTest
    @Event(value = "events/orders/create-order.json", type = APIGatewayV2HTTPEvent.class)
    void created_order_reads_back_equal_with_location_and_etag(APIGatewayV2HTTPEvent event) {
        // GIVEN a valid order from this seller
        asSeller(event, sellerId);
        event.getHeaders().remove("idempotency-key");

        // WHEN it is created and read back
        APIGatewayV2HTTPResponse created = create.handleRequest(event, null);
        JsonNode body = json(created);
        String orderId = body.get("orderId").asText();
        APIGatewayV2HTTPResponse read = get.handleRequest(getEvent(orderId, sellerId), null);

        // THEN both carry the same order, priced and PENDING
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getHeaders()).containsEntry("location", "/orders/" + orderId).containsEntry("etag", "\"1\"");
        assertThat(body.get("status").asText()).isEqualTo("PENDING");
        assertThat(body.get("sellerId").asText()).isEqualTo(sellerId);
        // 2 × 12.50 + 19.99 = 44.99; 10 % off = 4.50 (half-even of 4.499); + 4.99 shipping
        assertThat(body.at("/totals/subtotal").asText()).isEqualTo("44.99");
        assertThat(body.at("/totals/discount").asText()).isEqualTo("4.50");
        assertThat(body.at("/totals/total").asText()).isEqualTo("45.48");
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(read.getHeaders()).containsEntry("etag", "\"1\"");
        assertThat(json(read)).isEqualTo(body);
    }

    @ParameterizedTest
    @Event(value = "events/orders/create-order.json", type = APIGatewayV2HTTPEvent.class)
    void retry_with_same_idempotency_key_returns_the_same_order(APIGatewayV2HTTPEvent event) {
        // GIVEN a create with an Idempotency-Key that was already processed
        asSeller(event, sellerId);
        event.getHeaders().put("idempotency-key", "retry-" + UUID.randomUUID());
        APIGatewayV2HTTPResponse first = create.handleRequest(event, null);

        // WHEN the client retries the identical request
        APIGatewayV2HTTPResponse retry = create.handleRequest(event, null);

        // THEN it gets the same order and 201, and only one order exists
        assertThat(retry.getStatusCode()).isEqualTo(201);
        assertThat(json(retry)).isEqualTo(json(first));
        assertThat(retry.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(ordersOf(sellerId)).hasSize(1);
    }

    @ParameterizedTest
    @Event(value = "events/orders/create-order.json", type = APIGatewayV2HTTPEvent.class)
    void concurrent_retries_with_same_key_create_one_order(APIGatewayV2HTTPEvent event) throws Exception {
        // GIVEN eight identical requests racing with one key
        asSeller(event, sellerId);
        event.getHeaders().put("idempotency-key", "race-" + UUID.randomUUID());
        List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> create.handleRequest(event, null));
        }

        // WHEN they run at once
        List<String> orderIds = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<APIGatewayV2HTTPResponse> response : pool.invokeAll(calls)) {
                assertThat(response.get().getStatusCode()).isEqualTo(201);
                orderIds.add(json(response.get()).get("orderId").asText());
            }
        }

        // THEN they all name the same single order
        assertThat(orderIds).containsOnly(orderIds.getFirst());
        assertThat(ordersOf(sellerId)).hasSize(1);
    }

    @ParameterizedTest
    @Event(value = "events/orders/create-order.json", type = APIGatewayV2HTTPEvent.class)
    void same_idempotency_key_with_a_different_body_is_422(APIGatewayV2HTTPEvent event) {
        // GIVEN a key already used for one order
        asSeller(event, sellerId);
        event.getHeaders().put("idempotency-key", "reuse-" + UUID.randomUUID());
        create.handleRequest(event, null);

        // WHEN it is sent with a different order
        event.setBody(event.getBody().replace("\"quantity\": 2", "\"quantity\": 3"));
        APIGatewayV2HTTPResponse reused = create.handleRequest(event, null);

        // THEN the second is refused and nothing new is stored
        assertThat(reused.getStatusCode()).isEqualTo(422);
        assertThat(reused.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(json(reused).get("type").asText()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(ordersOf(sellerId)).hasSize(1);
    }

    @ParameterizedTest
    @Event(value = "events/orders/create-order.json", type = APIGatewayV2HTTPEvent.class)
    void another_sellers_order_is_not_found(APIGatewayV2HTTPEvent event) {
        // GIVEN an order of this seller
        asSeller(event, sellerId);
        event.getHeaders().remove("idempotency-key");
        String orderId = json(create.handleRequest(event, null)).get("orderId").asText();

        // WHEN another seller asks for it
        APIGatewayV2HTTPResponse response = get.handleRequest(getEvent(orderId, "seller-" + UUID.randomUUID()), null);

        // THEN it is a 404, indistinguishable from a missing order
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(json(response).get("detail").asText()).contains(orderId).contains("not found");
    }

    @Test
    void unknown_order_is_not_found() {
        APIGatewayV2HTTPResponse response = get.handleRequest(getEvent("ord_doesnotexist", sellerId), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @Event(value = "events/orders/create-order-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void invalid_order_is_400_naming_every_bad_field_and_writes_nothing(APIGatewayV2HTTPEvent event) {
        // GIVEN an order with six mistakes
        asSeller(event, sellerId);

        // WHEN it is submitted
        APIGatewayV2HTTPResponse response = create.handleRequest(event, null);

        // THEN every mistake is named, and nothing was stored
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("type").asText()).isEqualTo("/problems/validation");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("buyer.name", "buyer.phone", "currency",
                "items[0].quantity", "shippingAddress.country", "giftWrap");
        assertThat(ordersOf(sellerId)).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/orders/create-order-malformed-json.json", type = APIGatewayV2HTTPEvent.class)
    void malformed_json_is_400_and_writes_nothing(APIGatewayV2HTTPEvent event) {
        asSeller(event, sellerId);

        APIGatewayV2HTTPResponse response = create.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(json(response).get("type").asText()).isEqualTo("/problems/malformed-json");
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("at com.");
        assertThat(ordersOf(sellerId)).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/orders/create-order-as-buyer.json", type = APIGatewayV2HTTPEvent.class)
    void buyer_token_cannot_create_orders(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = create.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(ordersOf("buyer-1")).isEmpty();
    }

    private List<Map<String, AttributeValue>> ordersOf(String seller) {
        return cloud.dynamoDb().query(q -> q.tableName(cloud.physicalName("OrdersTable"))
                .indexName(TableKeys.SELLER_INDEX)
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.sellerPk(seller)))))
                .items();
    }

    private static void asSeller(APIGatewayV2HTTPEvent event, String seller) {
        Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("sub", seller);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        event.setHeaders(new HashMap<>(event.getHeaders()));
    }

    private static APIGatewayV2HTTPEvent getEvent(String orderId, String seller) {
        APIGatewayV2HTTPEvent event = ApiEvents.load("events/orders/get-order.json");
        event.setRawPath("/orders/" + orderId);
        event.setPathParameters(Map.of("orderId", orderId));
        asSeller(event, seller);
        return event;
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.read(response.getBody(), JsonNode.class);
    }
}

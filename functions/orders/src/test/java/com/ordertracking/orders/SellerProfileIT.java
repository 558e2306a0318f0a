package com.ordertracking.orders;

import static com.ordertracking.orders.ApiEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The profile handlers with their sample events (events/orders/*-seller-profile*.json) against DynamoDB Local. */
@ExtendWith(LocalCloudExtension.class)
class SellerProfileIT {
    private final PutSellerProfileHandler put;
    private final GetSellerProfileHandler get;
    private final String sellerId = "seller-" + UUID.randomUUID();

    SellerProfileIT(LocalCloud cloud) {
        this.put = cloud.instantiate("PutSellerProfileFunction", PutSellerProfileHandler::new);
        this.get = cloud.instantiate("GetSellerProfileFunction", GetSellerProfileHandler::new);
    }

    @Test
    void the_sample_profile_is_stored_and_read_back_with_its_version() {
        assertThat(get.handleRequest(ApiEvents.from("events/orders/get-seller-profile.json").seller(sellerId).event(),
                null).getStatusCode()).isEqualTo(404);

        APIGatewayV2HTTPResponse stored = put.handleRequest(
                ApiEvents.from("events/orders/put-seller-profile.json").seller(sellerId).event(), null);
        APIGatewayV2HTTPResponse read = get.handleRequest(
                ApiEvents.from("events/orders/get-seller-profile.json").seller(sellerId).event(), null);

        assertThat(stored.getStatusCode()).as(stored.getBody()).isEqualTo(200);
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(read.getHeaders()).containsEntry("etag", "\"1\"");
        JsonNode profile = json(read);
        assertThat(profile.get("sellerId").asText()).isEqualTo(sellerId);
        assertThat(profile.get("displayName").asText()).isEqualTo("Café Mugs & Co");
        assertThat(profile.at("/warehouses/0/default").asBoolean()).isTrue();
        assertThat(profile.at("/warehouses/1/default").asBoolean()).isFalse();

        APIGatewayV2HTTPResponse again = put.handleRequest(ApiEvents.from("events/orders/put-seller-profile.json")
                .seller(sellerId).header("If-Match", "\"1\"").event(), null);
        APIGatewayV2HTTPResponse stale = put.handleRequest(ApiEvents.from("events/orders/put-seller-profile.json")
                .seller(sellerId).header("If-Match", "\"1\"").event(), null);
        assertThat(again.getHeaders()).containsEntry("etag", "\"2\"");
        assertThat(stale.getStatusCode()).isEqualTo(412);
    }

    @Test
    void the_invalid_sample_names_every_field_in_one_400_and_stores_nothing() {
        APIGatewayV2HTTPResponse response = put.handleRequest(
                ApiEvents.from("events/orders/put-seller-profile-invalid.json").seller(sellerId).event(), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        json(response).get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("displayName", "supportEmail", "warehouses[1].address.postalCode",
                "warehouses");
        assertThat(get.handleRequest(ApiEvents.from("events/orders/get-seller-profile.json").seller(sellerId).event(),
                null).getStatusCode()).isEqualTo(404);
    }
}

package com.ordertracking.shared.domain.sellerwebhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookIdsTest {
    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void a_delivery_id_is_the_same_for_the_same_endpoint_and_event_and_different_otherwise() {
        String id = WebhookIds.deliveryId("wh_A", "ord_1:v1:OrderCreated", AT);

        assertThat(WebhookIds.deliveryId("wh_A", "ord_1:v1:OrderCreated", AT)).isEqualTo(id);
        assertThat(WebhookIds.deliveryId("wh_B", "ord_1:v1:OrderCreated", AT)).isNotEqualTo(id);
        assertThat(WebhookIds.deliveryId("wh_A", "ord_1:v2:OrderStatusChanged", AT)).isNotEqualTo(id);
        assertThat(WebhookIds.isDeliveryId(id)).isTrue();
        assertThat(id).hasSize(30);
    }

    @Test
    void delivery_ids_sort_by_event_time() {
        String earlier = WebhookIds.deliveryId("wh_A", "zzz", AT);
        String later = WebhookIds.deliveryId("wh_A", "aaa", AT.plusMillis(1));

        assertThat(earlier).isLessThan(later);
    }

    @Test
    void ids_are_recognised_by_shape_only() {
        String endpoint = WebhookIds.newEndpointId(new SecureRandom());

        assertThat(WebhookIds.isEndpointId(endpoint)).isTrue();
        assertThat(WebhookIds.isEndpointId("wh_../../x")).isFalse();
        assertThat(WebhookIds.isDeliveryId("msg_0000000000000000000000000I")).isFalse(); // I is not Crockford
        assertThat(WebhookIds.isDeliveryId(null)).isFalse();
    }

    @Test
    void attempt_outcomes_follow_the_status_code() {
        assertThat(AttemptOutcome.ofStatus(200)).isInstanceOf(AttemptOutcome.Delivered.class);
        assertThat(AttemptOutcome.ofStatus(204)).isInstanceOf(AttemptOutcome.Delivered.class);
        assertThat(AttemptOutcome.ofStatus(410)).isInstanceOf(AttemptOutcome.Gone.class);
        assertThat(AttemptOutcome.ofStatus(301)).isInstanceOf(AttemptOutcome.Rejected.class);
        assertThat(AttemptOutcome.ofStatus(500)).isInstanceOf(AttemptOutcome.Rejected.class);
    }
}

package com.ordertracking.shared.domain.sellerwebhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.shared.domain.sellerwebhook.WebhookDelivery.Status;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How one attempt's outcome moves a delivery. */
class WebhookDeliveryTest {
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(5);

    private final WebhookEndpoint endpoint = new WebhookEndpoint("wh_1", "seller-1", "https://erp.example/hooks",
            Set.of(WebhookEventType.ORDER_CREATED), false, null, WebhookEndpoint.Status.ENABLED, null,
            WebhookSecret.generate(new SecureRandom()), null, null, T0, T0, 1);
    private final WebhookDelivery fresh = WebhookDelivery.first("msg_1", endpoint,
            new WebhookEvent("ord_1:v1:OrderCreated", WebhookEventType.ORDER_CREATED, T0, "seller-1", "ord_1", "{}"), T0);

    @Test
    void a_new_delivery_is_due_at_once_with_no_attempt() {
        assertThat(fresh.status()).isEqualTo(Status.PENDING);
        assertThat(fresh.attempts()).isZero();
        assertThat(fresh.nextAttemptAt()).isEqualTo(T0);
    }

    @Test
    void a_2xx_delivers() {
        WebhookDelivery after = fresh.after(new AttemptOutcome.Delivered(204), T0, null);

        assertThat(after.status()).isEqualTo(Status.DELIVERED);
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(after.deliveredAt()).isEqualTo(T0);
        assertThat(after.nextAttemptAt()).isNull();
        assertThat(after.lastError()).isNull();
        assertThat(after.lastStatusCode()).isEqualTo(204);
    }

    @Test
    void a_failure_with_a_retry_left_stays_pending_until_the_next_attempt() {
        WebhookDelivery after = fresh.after(new AttemptOutcome.Rejected(503), T0, T1);

        assertThat(after.status()).isEqualTo(Status.PENDING);
        assertThat(after.nextAttemptAt()).isEqualTo(T1);
        assertThat(after.lastStatusCode()).isEqualTo(503);
        assertThat(after.lastError()).isEqualTo("HTTP 503");
    }

    @Test
    void a_failure_without_a_retry_left_fails_and_a_timeout_has_no_status_code() {
        WebhookDelivery after = fresh.after(new AttemptOutcome.Unreachable("no response within 10 s"), T0, null);

        assertThat(after.status()).isEqualTo(Status.FAILED);
        assertThat(after.lastStatusCode()).isNull();
        assertThat(after.lastError()).isEqualTo("no response within 10 s");
    }

    @Test
    void gone_fails_whatever_the_schedule_says_and_a_replayed_delivery_keeps_its_first_delivery_time() {
        WebhookDelivery delivered = fresh.after(new AttemptOutcome.Delivered(200), T0, null);
        WebhookDelivery gone = delivered.after(new AttemptOutcome.Gone(), T1, null);

        assertThat(gone.status()).isEqualTo(Status.FAILED);
        assertThat(gone.attempts()).isEqualTo(2);
        assertThat(gone.lastStatusCode()).isEqualTo(410);
        assertThat(gone.deliveredAt()).isEqualTo(T0);
    }
}

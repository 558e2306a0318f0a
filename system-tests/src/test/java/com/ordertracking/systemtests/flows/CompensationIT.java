package com.ordertracking.systemtests.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.application.tracking.DelayMonitor;
import com.ordertracking.shared.domain.Compensation;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.InProcessApi;
import com.ordertracking.systemtests.driver.Seller;
import com.ordertracking.systemtests.driver.StoredOrders;
import com.ordertracking.systemtests.driver.TestData;
import com.ordertracking.systemtests.driver.TrackingPipeline;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalCloudExtension.class)
class CompensationIT {
    private final InProcessApi api;
    private final StoredOrders stored;
    private final TrackingPipeline tracking;

    CompensationIT(LocalCloud cloud) {
        this.api = new InProcessApi(cloud);
        this.stored = new StoredOrders(cloud);
        this.tracking = new TrackingPipeline(api);
    }

    private String delayedOrder(String sellerId, String buyerId, String number) {
        String orderId = seller(sellerId).shippedOrder(buyerId, number, Instant.now().minus(Duration.ofHours(3)));
        runMonitor();
        assertThat(stored.find(orderId).delay()).isNotNull();
        return orderId;
    }

    @Test
    void a_goodwill_coupon_for_a_delayed_order_is_usable_once_by_that_buyer_only() {
        // GIVEN a delayed order
        String sellerId = TestData.id("seller");
        String buyerId = TestData.id("buyer");
        String orderId = delayedOrder(sellerId, buyerId, TestData.trackingNumber());

        // WHEN the seller offers 15% off
        ApiResponse response = seller(sellerId).compensate(orderId, null);

        // THEN 201 with a generated code valid for 90 days
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode body = response.json();
        String code = body.get("code").asText();
        assertThat(code).matches("SORRY-[2-9A-Z]{8}");
        assertThat(new BigDecimal(body.get("percentOff").asText())).isEqualByComparingTo("15");
        assertThat(body.has("amountOff")).isFalse();
        Instant validUntil = Instant.parse(body.get("validUntil").asText());
        assertThat(validUntil).isBetween(Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(91)));
        // and the order records it for the outbox, with a NOTE on the timeline
        assertThat(stored.find(orderId).compensations()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(Compensation.COUPON);
            assertThat(c.couponCode()).isEqualTo(code);
            assertThat(c.validUntil()).isEqualTo(validUntil);
        });
        assertThat(stored.entries(orderId, TimelineEntry.Kind.NOTE))
                .extracting(TimelineEntry::description).contains("Goodwill coupon " + code + " sent");

        // WHEN another buyer's order names the code THEN it is refused
        ApiResponse other = seller(sellerId).placeOrder(TestData.id("other-buyer"), code);
        assertThat(other.status()).as(other.body()).isEqualTo(409);
        assertThat(other.json().get("type").asText()).endsWith("/coupon-not-applicable");

        // WHEN the buyer's next order names it THEN the discount applies
        ApiResponse next = seller(sellerId).placeOrder(buyerId, code);
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        JsonNode discount = next.json().get("discount");
        assertThat(discount.get("code").asText()).isEqualTo(code);
        assertThat(new BigDecimal(discount.get("percentOff").asText())).isEqualByComparingTo(BigDecimal.valueOf(15));

        // WHEN the buyer uses it a second time THEN it is spent
        ApiResponse again = seller(sellerId).placeOrder(buyerId, code);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("/coupon-exhausted");
    }

    @Test
    void an_amount_off_coupon_is_in_the_order_currency_and_a_delivered_order_that_was_delayed_qualifies() {
        // GIVEN an order that was delayed and since delivered
        String sellerId = TestData.id("seller");
        String number = TestData.trackingNumber();
        String orderId = delayedOrder(sellerId, TestData.id("buyer"), number);
        tracking.scan(number, ShipmentStatus.DELIVERED, Instant.now().truncatedTo(ChronoUnit.SECONDS), null);
        assertThat(stored.find(orderId).delay()).isNull();
        // WHEN the seller offers 5.00 off
        ApiResponse response = seller(sellerId).compensate(orderId, body -> {
            body.remove("percentOff");
            body.put("amountOff", "5.00");
        });
        // THEN 201, in the order's currency
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(new BigDecimal(body.get("amountOff").asText())).isEqualByComparingTo("5.00");
        assertThat(body.get("currency").asText()).isEqualTo(stored.find(orderId).currency());
    }

    @Test
    void an_order_never_delayed_is_409_another_sellers_404_and_bad_input_400_naming_each_field() {
        String sellerId = TestData.id("seller");
        String onTime = seller(sellerId).shippedOrder(TestData.id("buyer"), TestData.trackingNumber(),
                Instant.now().plus(Duration.ofDays(3)));
        long version = stored.find(onTime).version();

        ApiResponse notDelayed = seller(sellerId).compensate(onTime, null);
        assertThat(notDelayed.status()).isEqualTo(409);
        assertThat(notDelayed.json().get("type").asText()).endsWith("/order-not-delayed");

        ApiResponse foreign = seller(TestData.id("other-seller")).compensate(onTime, null);
        assertThat(foreign.status()).isEqualTo(404);

        String delayed = delayedOrder(sellerId, TestData.id("buyer"), TestData.trackingNumber());
        long delayedVersion = stored.find(delayed).version();
        ApiResponse invalid = seller(sellerId).compensate(delayed, body -> {
            body.put("type", "voucher");
            body.put("amountOff", "-5");
        });
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
        assertThat(StreamSupport.stream(invalid.json().get("errors").spliterator(), false)
                .map(e -> e.get("field").asText())).contains("type", "amountOff", "percentOff");

        // and nothing was written
        assertThat(stored.find(onTime).version()).isEqualTo(version);
        assertThat(stored.find(delayed).version()).isEqualTo(delayedVersion);
        assertThat(stored.find(delayed).compensations()).isEmpty();
    }

    private Seller seller(String sellerId) {
        return new Seller(api, sellerId);
    }

    private DelayMonitor.Summary runMonitor() {
        return api.runSchedule("DelayMonitorFunction", "events/delays/detect-delays.json");
    }
}

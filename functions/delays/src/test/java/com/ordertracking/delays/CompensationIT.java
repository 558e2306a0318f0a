package com.ordertracking.delays;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.domain.Compensation;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.TimelineEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalCloudExtension.class)
class CompensationIT {
    private final Shop shop;

    CompensationIT(LocalCloud cloud) {
        this.shop = new Shop(cloud);
    }

    private String delayedOrder(String sellerId, String buyerId, String number) {
        String orderId = shop.shipped(sellerId, buyerId, number, Instant.now().minus(Duration.ofHours(3)));
        shop.runMonitor();
        assertThat(shop.order(orderId).delay()).isNotNull();
        return orderId;
    }

    @Test
    void a_goodwill_coupon_for_a_delayed_order_is_usable_once_by_that_buyer_only() {
        // GIVEN a delayed order
        String sellerId = Shop.id("seller");
        String buyerId = Shop.id("buyer");
        String orderId = delayedOrder(sellerId, buyerId, Shop.trackingNumber());

        // WHEN the seller offers 15% off
        APIGatewayV2HTTPResponse response = shop.compensate(sellerId, orderId, null);

        // THEN 201 with a generated code valid for 90 days
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode body = Shop.json(response);
        String code = body.get("code").asText();
        assertThat(code).matches("SORRY-[2-9A-Z]{8}");
        assertThat(new BigDecimal(body.get("percentOff").asText())).isEqualByComparingTo("15");
        assertThat(body.has("amountOff")).isFalse();
        Instant validUntil = Instant.parse(body.get("validUntil").asText());
        assertThat(validUntil).isBetween(Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(91)));
        // and the order records it for the outbox, with a NOTE on the timeline
        assertThat(shop.order(orderId).compensations()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(Compensation.COUPON);
            assertThat(c.couponCode()).isEqualTo(code);
            assertThat(c.validUntil()).isEqualTo(validUntil);
        });
        assertThat(shop.entries(orderId, TimelineEntry.Kind.NOTE))
                .extracting(TimelineEntry::description).contains("Goodwill coupon " + code + " sent");

        // WHEN another buyer's order names the code THEN it is refused
        APIGatewayV2HTTPResponse other = shop.placeOrder(sellerId, Shop.id("other-buyer"), code);
        assertThat(other.getStatusCode()).as(other.getBody()).isEqualTo(409);
        assertThat(Shop.json(other).get("type").asText()).endsWith("/coupon-not-applicable");

        // WHEN the buyer's next order names it THEN the discount applies
        APIGatewayV2HTTPResponse next = shop.placeOrder(sellerId, buyerId, code);
        assertThat(next.getStatusCode()).as(next.getBody()).isEqualTo(201);
        JsonNode discount = Shop.json(next).get("discount");
        assertThat(discount.get("code").asText()).isEqualTo(code);
        assertThat(new BigDecimal(discount.get("percentOff").asText())).isEqualByComparingTo(BigDecimal.valueOf(15));

        // WHEN the buyer uses it a second time THEN it is spent
        APIGatewayV2HTTPResponse again = shop.placeOrder(sellerId, buyerId, code);
        assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(409);
        assertThat(Shop.json(again).get("type").asText()).endsWith("/coupon-exhausted");
    }

    @Test
    void an_amount_off_coupon_is_in_the_order_currency_and_a_delivered_order_that_was_delayed_qualifies() {
        // GIVEN an order that was delayed and since delivered
        String sellerId = Shop.id("seller");
        String number = Shop.trackingNumber();
        String orderId = delayedOrder(sellerId, Shop.id("buyer"), number);
        shop.track(number, ShipmentStatus.DELIVERED, Instant.now().truncatedTo(ChronoUnit.SECONDS), null);
        assertThat(shop.order(orderId).delay()).isNull();
        // WHEN the seller offers 5.00 off
        APIGatewayV2HTTPResponse response = shop.compensate(sellerId, orderId, body -> {
            body.remove("percentOff");
            body.put("amountOff", "5.00");
        });
        // THEN 201, in the order's currency
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode body = Shop.json(response);
        assertThat(new BigDecimal(body.get("amountOff").asText())).isEqualByComparingTo("5.00");
        assertThat(body.get("currency").asText()).isEqualTo(shop.order(orderId).currency());
    }

    @Test
    void an_order_never_delayed_is_409_another_sellers_404_and_bad_input_400_naming_each_field() {
        String sellerId = Shop.id("seller");
        String onTime = shop.shipped(sellerId, Shop.id("buyer"), Shop.trackingNumber(),
                Instant.now().plus(Duration.ofDays(3)));
        long version = shop.order(onTime).version();

        APIGatewayV2HTTPResponse notDelayed = shop.compensate(sellerId, onTime, null);
        assertThat(notDelayed.getStatusCode()).isEqualTo(409);
        assertThat(Shop.json(notDelayed).get("type").asText()).endsWith("/order-not-delayed");

        APIGatewayV2HTTPResponse foreign = shop.compensate(Shop.id("other-seller"), onTime, null);
        assertThat(foreign.getStatusCode()).isEqualTo(404);

        String delayed = delayedOrder(sellerId, Shop.id("buyer"), Shop.trackingNumber());
        long delayedVersion = shop.order(delayed).version();
        APIGatewayV2HTTPResponse invalid = shop.compensate(sellerId, delayed, body -> {
            body.put("type", "voucher");
            body.put("amountOff", "-5");
        });
        assertThat(invalid.getStatusCode()).as(invalid.getBody()).isEqualTo(400);
        assertThat(StreamSupport.stream(Shop.json(invalid).get("errors").spliterator(), false)
                .map(e -> e.get("field").asText())).contains("type", "amountOff", "percentOff");

        // and nothing was written
        assertThat(shop.order(onTime).version()).isEqualTo(version);
        assertThat(shop.order(delayed).version()).isEqualTo(delayedVersion);
        assertThat(shop.order(delayed).compensations()).isEmpty();
    }
}

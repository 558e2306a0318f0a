package com.ordertracking.delays;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.adapters.persistence.TableKeys;
import com.ordertracking.shared.application.tracking.DelayMonitor;
import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(LocalCloudExtension.class)
class DelayMonitorIT {
    private final Shop shop;

    DelayMonitorIT(LocalCloud cloud) {
        this.shop = new Shop(cloud);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private Map<String, AttributeValue> storedItem(String orderId) {
        return shop.cloud.dynamoDb().getItem(g -> g.tableName(shop.cloud.physicalName("OrdersTable"))
                .key(Map.of("pk", AttributeValue.fromS(TableKeys.orderPk(orderId)),
                        "sk", AttributeValue.fromS(TableKeys.ORDER_SK)))
                .consistentRead(true)).item();
    }

    @Test
    void a_shipment_past_its_estimate_is_flagged_once_with_one_delay_entry() {
        // GIVEN an order shipped with an estimate three hours in the past
        String orderId = shop.shipped(Shop.id("seller"), Shop.id("buyer"), Shop.trackingNumber(),
                now().minus(Duration.ofHours(3)));
        // and it sits in ByDueTime at that estimate
        assertThat(storedItem(orderId).get(TableKeys.DUE_SK).s()).startsWith(
                TableKeys.sortableTime(shop.order(orderId).shipment().estimatedDelivery()));

        // WHEN the monitor runs
        DelayMonitor.Summary first = shop.runMonitor();

        // THEN the order is flagged PAST_ESTIMATED_DELIVERY with one DELAY timeline entry
        assertThat(first.flaggedOrderIds()).contains(orderId);
        Order flagged = shop.order(orderId);
        assertThat(flagged.delay().reason()).isEqualTo(Delay.Reason.PAST_ESTIMATED_DELIVERY);
        assertThat(flagged.delay().expectedBy()).isNull();
        assertThat(shop.entries(orderId, TimelineEntry.Kind.DELAY)).singleElement()
                .satisfies(entry -> assertThat(entry.at()).isEqualTo(flagged.delay().detectedAt()));
        // and its next due time is the silence limit after shipping (the estimate is reported)
        assertThat(storedItem(orderId).get(TableKeys.DUE_SK).s()).startsWith(TableKeys.sortableTime(
                flagged.shipment().shippedAt().plus(Duration.ofHours(72))));

        // WHEN the monitor runs twice more
        DelayMonitor.Summary second = shop.runMonitor();
        DelayMonitor.Summary third = shop.runMonitor();

        // THEN nothing changes: same version, still one DELAY entry
        assertThat(second.flaggedOrderIds()).doesNotContain(orderId);
        assertThat(third.flaggedOrderIds()).doesNotContain(orderId);
        assertThat(shop.order(orderId).version()).isEqualTo(flagged.version());
        assertThat(shop.entries(orderId, TimelineEntry.Kind.DELAY)).hasSize(1);
    }

    @Test
    void an_on_time_shipment_is_not_flagged() {
        // GIVEN an order due in two days
        String orderId = shop.shipped(Shop.id("seller"), Shop.id("buyer"), Shop.trackingNumber(),
                now().plus(Duration.ofDays(2)));
        long version = shop.order(orderId).version();
        // WHEN the monitor runs
        DelayMonitor.Summary summary = shop.runMonitor();
        // THEN it is untouched
        assertThat(summary.flaggedOrderIds()).doesNotContain(orderId);
        assertThat(shop.order(orderId).delay()).isNull();
        assertThat(shop.order(orderId).version()).isEqualTo(version);
    }

    @Test
    void a_carrier_silent_for_longer_than_the_limit_is_flagged_no_carrier_update() {
        // GIVEN a parcel whose newest carrier scan (reported now) is 80 hours old, estimate still ahead
        String number = Shop.trackingNumber();
        Instant eta = now().plus(Duration.ofDays(2));
        String orderId = shop.shipped(Shop.id("seller"), Shop.id("buyer"), number, eta);
        shop.track(number, ShipmentStatus.IN_TRANSIT, now().minus(Duration.ofHours(80)), null);
        // WHEN the monitor runs
        shop.runMonitor();
        // THEN it is flagged for silence, still expected by the estimate
        Delay delay = shop.order(orderId).delay();
        assertThat(delay.reason()).isEqualTo(Delay.Reason.NO_CARRIER_UPDATE);
        assertThat(delay.expectedBy()).isEqualTo(eta);
    }

    @Test
    void delivery_through_the_tracking_processor_clears_the_flag_and_leaves_the_index() {
        // GIVEN a flagged order
        String number = Shop.trackingNumber();
        String orderId = shop.shipped(Shop.id("seller"), Shop.id("buyer"), number, now().minus(Duration.ofHours(3)));
        shop.runMonitor();
        assertThat(shop.order(orderId).delay()).isNotNull();
        // WHEN the carrier reports delivery
        shop.track(number, ShipmentStatus.DELIVERED, now(), null);
        // THEN the flag is cleared (the DELAY entry stays as history) and the order is no longer watched
        Order delivered = shop.order(orderId);
        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(delivered.delay()).isNull();
        assertThat(shop.entries(orderId, TimelineEntry.Kind.DELAY)).hasSize(1);
        assertThat(storedItem(orderId)).doesNotContainKeys(TableKeys.DUE_PK, TableKeys.DUE_SK);
    }

    @Test
    void a_new_estimate_while_flagged_revises_expected_by_without_a_new_flag() {
        // GIVEN a flagged order
        String number = Shop.trackingNumber();
        String orderId = shop.shipped(Shop.id("seller"), Shop.id("buyer"), number, now().minus(Duration.ofHours(3)));
        shop.runMonitor();
        Delay flagged = shop.order(orderId).delay();
        // WHEN the carrier gives a new estimate two days out
        Instant newEta = now().plus(Duration.ofDays(2));
        shop.track(number, ShipmentStatus.IN_TRANSIT, now(), newEta);
        // THEN the flag keeps its reason and detection time and expects the new estimate
        Order revised = shop.order(orderId);
        assertThat(revised.delay()).isEqualTo(new Delay(flagged.reason(), flagged.detectedAt(), newEta));
        assertThat(shop.entries(orderId, TimelineEntry.Kind.DELAY)).hasSize(1);
        // and the order is due again at the new estimate; the monitor leaves it alone until then
        assertThat(storedItem(orderId).get(TableKeys.DUE_SK).s()).startsWith(TableKeys.sortableTime(newEta));
        assertThat(shop.runMonitor().flaggedOrderIds()).doesNotContain(orderId);
        assertThat(shop.order(orderId).version()).isEqualTo(revised.version());
    }

    @Test
    void an_estimate_pushed_back_more_than_a_day_is_flagged_by_the_tracking_processor() {
        // GIVEN an order expected tomorrow
        String number = Shop.trackingNumber();
        Instant eta = now().plus(Duration.ofDays(1));
        String orderId = shop.shipped(Shop.id("seller"), Shop.id("buyer"), number, eta);
        // WHEN the carrier moves the estimate two days later
        Instant later = eta.plus(Duration.ofDays(2));
        shop.track(number, ShipmentStatus.IN_TRANSIT, now(), later);
        // THEN the order is flagged ESTIMATE_PUSHED_BACK expecting the new estimate, with one DELAY entry
        Order order = shop.order(orderId);
        assertThat(order.delay().reason()).isEqualTo(Delay.Reason.ESTIMATE_PUSHED_BACK);
        assertThat(order.delay().expectedBy()).isEqualTo(later);
        assertThat(shop.entries(orderId, TimelineEntry.Kind.DELAY)).singleElement()
                .satisfies(entry -> assertThat(entry.description()).contains(eta.toString(), later.toString()));
        // and the monitor does not flag it again
        assertThat(shop.runMonitor().flaggedOrderIds()).doesNotContain(orderId);
        assertThat(shop.order(orderId).version()).isEqualTo(order.version());
    }
}

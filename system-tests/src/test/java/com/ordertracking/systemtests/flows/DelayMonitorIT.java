package com.ordertracking.systemtests.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.adapters.persistence.TableKeys;
import com.ordertracking.shared.application.tracking.DelayMonitor;
import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderPackage;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.systemtests.driver.InProcessApi;
import com.ordertracking.systemtests.driver.Seller;
import com.ordertracking.systemtests.driver.StoredOrders;
import com.ordertracking.systemtests.driver.TestData;
import com.ordertracking.systemtests.driver.TrackingPipeline;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(LocalCloudExtension.class)
class DelayMonitorIT {
    private final InProcessApi api;
    private final StoredOrders stored;
    private final TrackingPipeline tracking;

    DelayMonitorIT(LocalCloud cloud) {
        this.api = new InProcessApi(cloud);
        this.stored = new StoredOrders(cloud);
        this.tracking = new TrackingPipeline(api);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The item that carries the order's due time: its (only) package, since orders ship in packages (issue 11). */
    private Map<String, AttributeValue> storedItem(String orderId) {
        return api.cloud().dynamoDb().getItem(g -> g.tableName(api.cloud().physicalName("OrdersTable"))
                .key(Map.of("pk", AttributeValue.fromS(TableKeys.orderPk(orderId)),
                        "sk", AttributeValue.fromS(TableKeys.packageSortKey(OrderPackage.idFor(1)))))
                .consistentRead(true)).item();
    }

    @Test
    void a_shipment_past_its_estimate_is_flagged_once_with_one_delay_entry() {
        // GIVEN an order shipped with an estimate three hours in the past
        String orderId = seller(TestData.id("seller")).shippedOrder(TestData.id("buyer"), TestData.trackingNumber(),
                now().minus(Duration.ofHours(3)));
        // and it sits in ByDueTime at that estimate
        assertThat(storedItem(orderId).get(TableKeys.DUE_SK).s()).startsWith(
                TableKeys.sortableTime(stored.find(orderId).shipment().estimatedDelivery()));

        // WHEN the monitor runs
        DelayMonitor.Summary first = runMonitor();

        // THEN the order is flagged PAST_ESTIMATED_DELIVERY with one DELAY timeline entry
        assertThat(first.flaggedOrderIds()).contains(orderId);
        Order flagged = stored.find(orderId);
        assertThat(flagged.delay().reason()).isEqualTo(Delay.Reason.PAST_ESTIMATED_DELIVERY);
        assertThat(flagged.delay().expectedBy()).isNull();
        assertThat(stored.entries(orderId, TimelineEntry.Kind.DELAY)).singleElement()
                .satisfies(entry -> assertThat(entry.at()).isEqualTo(flagged.delay().detectedAt()));
        // and its next due time is the silence limit after shipping (the estimate is reported)
        assertThat(storedItem(orderId).get(TableKeys.DUE_SK).s()).startsWith(TableKeys.sortableTime(
                flagged.shipment().shippedAt().plus(Duration.ofHours(72))));

        // WHEN the monitor runs twice more
        DelayMonitor.Summary second = runMonitor();
        DelayMonitor.Summary third = runMonitor();

        // THEN nothing changes: same version, still one DELAY entry
        assertThat(second.flaggedOrderIds()).doesNotContain(orderId);
        assertThat(third.flaggedOrderIds()).doesNotContain(orderId);
        assertThat(stored.find(orderId).version()).isEqualTo(flagged.version());
        assertThat(stored.entries(orderId, TimelineEntry.Kind.DELAY)).hasSize(1);
    }

    @Test
    void an_on_time_shipment_is_not_flagged() {
        // GIVEN an order due in two days
        String orderId = seller(TestData.id("seller")).shippedOrder(TestData.id("buyer"), TestData.trackingNumber(),
                now().plus(Duration.ofDays(2)));
        long version = stored.find(orderId).version();
        // WHEN the monitor runs
        DelayMonitor.Summary summary = runMonitor();
        // THEN it is untouched
        assertThat(summary.flaggedOrderIds()).doesNotContain(orderId);
        assertThat(stored.find(orderId).delay()).isNull();
        assertThat(stored.find(orderId).version()).isEqualTo(version);
    }

    @Test
    void a_carrier_silent_for_longer_than_the_limit_is_flagged_no_carrier_update() {
        // GIVEN a parcel whose newest carrier scan (reported now) is 80 hours old, estimate still ahead
        String number = TestData.trackingNumber();
        Instant eta = now().plus(Duration.ofDays(2));
        String orderId = seller(TestData.id("seller")).shippedOrder(TestData.id("buyer"), number, eta);
        tracking.scan(number, ShipmentStatus.IN_TRANSIT, now().minus(Duration.ofHours(80)), null);
        // WHEN the monitor runs
        runMonitor();
        // THEN it is flagged for silence, still expected by the estimate
        Delay delay = stored.find(orderId).delay();
        assertThat(delay.reason()).isEqualTo(Delay.Reason.NO_CARRIER_UPDATE);
        assertThat(delay.expectedBy()).isEqualTo(eta);
    }

    @Test
    void delivery_through_the_tracking_processor_clears_the_flag_and_leaves_the_index() {
        // GIVEN a flagged order
        String number = TestData.trackingNumber();
        String orderId = seller(TestData.id("seller")).shippedOrder(TestData.id("buyer"), number, now().minus(Duration.ofHours(3)));
        runMonitor();
        assertThat(stored.find(orderId).delay()).isNotNull();
        // WHEN the carrier reports delivery
        tracking.scan(number, ShipmentStatus.DELIVERED, now(), null);
        // THEN the flag is cleared (the DELAY entry stays as history) and the order is no longer watched
        Order delivered = stored.find(orderId);
        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(delivered.delay()).isNull();
        assertThat(stored.entries(orderId, TimelineEntry.Kind.DELAY)).hasSize(1);
        assertThat(storedItem(orderId)).doesNotContainKeys(TableKeys.DUE_PK, TableKeys.DUE_SK);
    }

    @Test
    void a_new_estimate_while_flagged_revises_expected_by_without_a_new_flag() {
        // GIVEN a flagged order
        String number = TestData.trackingNumber();
        String orderId = seller(TestData.id("seller")).shippedOrder(TestData.id("buyer"), number, now().minus(Duration.ofHours(3)));
        runMonitor();
        Delay flagged = stored.find(orderId).delay();
        // WHEN the carrier gives a new estimate two days out
        Instant newEta = now().plus(Duration.ofDays(2));
        tracking.scan(number, ShipmentStatus.IN_TRANSIT, now(), newEta);
        // THEN the flag keeps its reason and detection time and expects the new estimate
        Order revised = stored.find(orderId);
        assertThat(revised.delay()).isEqualTo(new Delay(flagged.reason(), flagged.detectedAt(), newEta));
        assertThat(stored.entries(orderId, TimelineEntry.Kind.DELAY)).hasSize(1);
        // and the order is due again at the new estimate; the monitor leaves it alone until then
        assertThat(storedItem(orderId).get(TableKeys.DUE_SK).s()).startsWith(TableKeys.sortableTime(newEta));
        assertThat(runMonitor().flaggedOrderIds()).doesNotContain(orderId);
        assertThat(stored.find(orderId).version()).isEqualTo(revised.version());
    }

    @Test
    void an_estimate_pushed_back_more_than_a_day_is_flagged_by_the_tracking_processor() {
        // GIVEN an order expected tomorrow
        String number = TestData.trackingNumber();
        Instant eta = now().plus(Duration.ofDays(1));
        String orderId = seller(TestData.id("seller")).shippedOrder(TestData.id("buyer"), number, eta);
        // WHEN the carrier moves the estimate two days later
        Instant later = eta.plus(Duration.ofDays(2));
        tracking.scan(number, ShipmentStatus.IN_TRANSIT, now(), later);
        // THEN the order is flagged ESTIMATE_PUSHED_BACK expecting the new estimate, with one DELAY entry
        Order order = stored.find(orderId);
        assertThat(order.delay().reason()).isEqualTo(Delay.Reason.ESTIMATE_PUSHED_BACK);
        assertThat(order.delay().expectedBy()).isEqualTo(later);
        assertThat(stored.entries(orderId, TimelineEntry.Kind.DELAY)).singleElement()
                .satisfies(entry -> assertThat(entry.description()).contains(eta.toString(), later.toString()));
        // and the monitor does not flag it again
        assertThat(runMonitor().flaggedOrderIds()).doesNotContain(orderId);
        assertThat(stored.find(orderId).version()).isEqualTo(order.version());
    }

    private Seller seller(String sellerId) {
        return new Seller(api, sellerId);
    }

    private DelayMonitor.Summary runMonitor() {
        return api.runSchedule("DelayMonitorFunction", "events/delays/detect-delays.json");
    }
}

package com.ordertracking.systemtests.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.adapters.persistence.DeliveredCounters;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.systemtests.driver.InProcessApi;
import com.ordertracking.systemtests.driver.Seller;
import com.ordertracking.systemtests.driver.TestData;
import com.ordertracking.systemtests.driver.TrackingPipeline;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The buyer × seller delivered counter behind loyalty coupons, through the real tracking processor: it
 * counts each delivered order once, whatever scans follow, and only for that buyer and seller.
 */
@ExtendWith(LocalCloudExtension.class)
class DeliveredCounterIT {
    private final Seller seller;
    private final Seller otherSeller;
    private final TrackingPipeline tracking;
    private final DeliveredCounters counters;
    private final String buyerId = TestData.id("buyer");

    DeliveredCounterIT(LocalCloud cloud) {
        InProcessApi api = new InProcessApi(cloud);
        this.seller = Seller.fresh(api);
        this.otherSeller = Seller.fresh(api);
        this.tracking = new TrackingPipeline(api);
        this.counters = new DeliveredCounters(cloud.dynamoDb(), cloud.physicalName("OrdersTable"));
    }

    @Test
    void each_delivered_order_counts_once_however_many_scans_follow() {
        Instant start = Instant.now().minus(Duration.ofHours(6));
        String first = TestData.trackingNumber();
        seller.shippedOrder(buyerId, first, null);
        tracking.scan(first, ShipmentStatus.IN_TRANSIT, start, null);
        assertThat(counters.count(buyerId, seller.id())).as("not delivered yet").isZero();

        tracking.scan(first, ShipmentStatus.DELIVERED, start.plus(Duration.ofHours(1)), null);
        // a second delivered scan and a late older one rewrite the delivered order: still one delivery
        tracking.scan(first, ShipmentStatus.DELIVERED, start.plus(Duration.ofHours(2)), null);
        tracking.scan(first, ShipmentStatus.OUT_FOR_DELIVERY, start.plus(Duration.ofMinutes(30)), null);
        assertThat(counters.count(buyerId, seller.id())).isEqualTo(1);

        String second = TestData.trackingNumber();
        seller.shippedOrder(buyerId, second, null);
        tracking.scan(second, ShipmentStatus.DELIVERED, start.plus(Duration.ofHours(3)), null);

        assertThat(counters.count(buyerId, seller.id())).isEqualTo(2);
        assertThat(counters.count(buyerId, otherSeller.id())).as("per seller").isZero();
        assertThat(counters.count(TestData.id("buyer"), seller.id())).as("per buyer").isZero();
        assertThat(counters.bySeller(buyerId, 25)).containsExactly(java.util.Map.entry(seller.id(), 2L));
    }
}

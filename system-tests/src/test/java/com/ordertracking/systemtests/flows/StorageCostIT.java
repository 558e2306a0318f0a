package com.ordertracking.systemtests.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.adapters.http.order.OrderBodies;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.adapters.messaging.TrackingQueue;
import com.ordertracking.shared.adapters.persistence.DynamoCouponRepository;
import com.ordertracking.shared.adapters.persistence.DynamoOrderRepository;
import com.ordertracking.shared.adapters.persistence.DynamoPackageRepository;
import com.ordertracking.shared.adapters.persistence.DynamoReturnShipmentRepository;
import com.ordertracking.shared.adapters.persistence.DynamoTrackingRepository;
import com.ordertracking.shared.application.order.FulfilmentService;
import com.ordertracking.shared.application.order.OrderRepository.SellerListing;
import com.ordertracking.shared.application.order.OrderService;
import com.ordertracking.shared.application.order.ShipRequest;
import com.ordertracking.shared.application.tracking.ParkedEvents;
import com.ordertracking.shared.application.tracking.ReturnShipmentTracking;
import com.ordertracking.shared.application.tracking.TrackingProcessor;
import com.ordertracking.shared.domain.OrderIds;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.tracking.DelayRules;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import com.ordertracking.systemtests.driver.CapacityMeter;
import com.ordertracking.systemtests.driver.CapacityMeter.Reading;
import com.ordertracking.systemtests.driver.TestData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The storage cost harness of docs/data-model.md: what creating, shipping, listing and tracking an order consume
 * in DynamoDB capacity units (ReturnConsumedCapacity=INDEXES on every call, {@link CapacityMeter}), printed as
 * {@code [storage-cost]} lines. Run it on two commits to compare:
 * {@code ./mvnw -B -ntp -q -pl system-tests -am verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest=none -Dit.test=StorageCostIT}.
 * (Before issue 11 the constructors of FulfilmentService and TrackingProcessor took no package repository, and
 * before the return shipments no ReturnShipmentTracking; the "before" figures were taken with those signatures.) Capacity units are deterministic (item sizes and index layout, not timings), so the write-unit targets of
 * issue 11 are asserted.
 */
@ExtendWith(LocalCloudExtension.class)
class StorageCostIT {
    private static final int LISTED_ORDERS = 10;

    private final CapacityMeter meter;
    private final DynamoOrderRepository orders;
    private final OrderService orderService;
    private final FulfilmentService fulfilment;
    private final TrackingProcessor processor;

    StorageCostIT(LocalCloud cloud) {
        CapacityMeter.Metered metered = CapacityMeter.client(cloud);
        this.meter = metered.meter();
        String table = cloud.physicalName("OrdersTable");
        Clock clock = Clock.systemUTC();
        this.orders = new DynamoOrderRepository(metered.client(), table, clock, DelayRules.DEFAULT);
        DynamoTrackingRepository tracking = new DynamoTrackingRepository(metered.client(), table, clock, DelayRules.DEFAULT);
        this.orderService = new OrderService(orders, new DynamoCouponRepository(metered.client(), table), clock,
                OrderIds::next);
        ParkedEvents parked = new ParkedEvents(tracking, new TrackingQueue(cloud.sqs(),
                cloud.functionEnvironment("ShipOrderFunction").get("TRACKING_EVENTS_QUEUE_URL")));
        DynamoPackageRepository packages = new DynamoPackageRepository(metered.client(), table, DelayRules.DEFAULT);
        this.fulfilment = new FulfilmentService(orders, packages, Optional.of(parked), clock);
        DynamoReturnShipmentRepository returns = new DynamoReturnShipmentRepository(metered.client(), table, clock,
                DelayRules.DEFAULT);
        this.processor = new TrackingProcessor(orders, packages, tracking, parked, clock, DelayRules.DEFAULT,
                new ReturnShipmentTracking(orders, returns, returns, parked, clock));
    }

    @Test
    void what_creating_shipping_listing_and_tracking_an_order_costs() {
        String sellerId = TestData.id("seller");
        String buyerId = TestData.id("buyer");
        JsonNode body = Json.read(TestData.orderBody(buyerId), JsonNode.class);
        for (int i = 1; i < LISTED_ORDERS; i++) {
            orderService.create(sellerId, OrderBodies.newOrder(body), null);
        }
        meter.reset();

        String orderId = orderService.create(sellerId, OrderBodies.newOrder(body), UUID.randomUUID().toString())
                .order().orderId();
        Reading create = report("create (with Idempotency-Key)");
        fulfilment.process(sellerId, orderId, OptionalLong.empty());
        report("process");
        String number = TestData.trackingNumber();
        fulfilment.ship(sellerId, orderId, new ShipRequest("ups", number, Instant.now().plus(Duration.ofDays(3))),
                OptionalLong.empty());
        Reading ship = report("ship");
        orders.listBySeller(new SellerListing(sellerId, null, null, null, LISTED_ORDERS, null));
        report("seller listing, " + LISTED_ORDERS + " orders");
        orders.listByBuyer(buyerId, LISTED_ORDERS, null);
        report("buyer listing, " + LISTED_ORDERS + " orders");
        orders.find(orderId);
        report("read one order");

        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        TrackingEvent inTransit = event(number, ShipmentStatus.IN_TRANSIT, at);
        Reading statusChange = applied(inTransit, "tracking event: status change (SHIPPED -> IN_TRANSIT)");
        Reading checkpointOnly = applied(event(number, ShipmentStatus.IN_TRANSIT, at.plusSeconds(60)),
                "tracking event: checkpoint only");
        assertThat(processor.process(inTransit)).isInstanceOf(TrackingProcessor.Outcome.Duplicate.class);
        Reading duplicate = report("tracking event: duplicate");
        Reading delivered = applied(event(number, ShipmentStatus.DELIVERED, at.plusSeconds(120)),
                "tracking event: status change (IN_TRANSIT -> DELIVERED)");

        assertThat(create.writeUnits()).isPositive();
        assertThat(ship.writeUnits()).isPositive();
        assertThat(statusChange.writeUnits()).as("status-changing event").isLessThanOrEqualTo(8.0);
        assertThat(delivered.writeUnits()).as("delivering event").isLessThanOrEqualTo(8.0);
        assertThat(checkpointOnly.writeUnits()).as("checkpoint-only event").isLessThanOrEqualTo(4.0);
        assertThat(duplicate.writeUnits()).as("duplicate event").isZero();
    }

    private Reading applied(TrackingEvent event, String label) {
        assertThat(processor.process(event)).isInstanceOf(TrackingProcessor.Outcome.Applied.class);
        return report(label);
    }

    private Reading report(String label) {
        Reading reading = meter.reset();
        System.out.println("[storage-cost] " + label + ": " + reading);
        return reading;
    }

    private static TrackingEvent event(String number, ShipmentStatus status, Instant at) {
        return new TrackingEvent("ups", "cost-" + UUID.randomUUID(), "ups", number, status, status.name(), null, at,
                "Louisville, KY, US", status + " scan", null);
    }
}

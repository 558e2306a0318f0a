package com.ordertracking.systemtests.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudExtension;
import com.ordertracking.shared.application.tracking.TrackingProcessor;
import com.ordertracking.shared.application.tracking.TrackingRepository.WriteCost;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import com.ordertracking.shared.wiring.Components;
import com.ordertracking.systemtests.driver.InProcessApi;
import com.ordertracking.systemtests.driver.Seller;
import com.ordertracking.systemtests.driver.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What one tracking event costs in DynamoDB writes as the processor reports it (ReturnConsumedCapacity INDEXES on
 * its writes, the {@code consumedWriteUnits} of its log line); the numbers are quoted in docs/tracking.md (and
 * measured call by call in {@link StorageCostIT}). Asserts issue 11's write-unit targets, never a timing.
 */
@ExtendWith(LocalCloudExtension.class)
class TrackingCostIT {
    private final Seller seller;
    private final TrackingProcessor processor;

    TrackingCostIT(LocalCloud cloud) {
        this.seller = Seller.fresh(new InProcessApi(cloud));
        this.processor = cloud.instantiate("ProcessTrackingEventsFunction",
                () -> Components.fromEnvironment().trackingProcessor());
    }

    @Test
    void the_write_units_of_a_tracking_event_are_reported_and_within_the_targets() {
        // GIVEN a shipped order
        String number = TestData.trackingNumber();
        seller.shippedOrder("ups", number);
        Instant at = Instant.now().plus(Duration.ofHours(1));

        // WHEN a status-changing event and then a checkpoint-only event are applied
        WriteCost statusChange = applied(event(number, ShipmentStatus.IN_TRANSIT, at));
        WriteCost checkpointOnly = applied(event(number, ShipmentStatus.IN_TRANSIT, at.plusSeconds(60))); // another hub

        // THEN each reports its consumed write units: package + order + checkpoint, or package + checkpoint
        System.out.println("[tracking-cost] status change: total=" + statusChange.capacityUnits()
                + " table=" + statusChange.tableUnits() + " indexes=" + statusChange.indexUnits());
        System.out.println("[tracking-cost] checkpoint only: total=" + checkpointOnly.capacityUnits()
                + " table=" + checkpointOnly.tableUnits() + " indexes=" + checkpointOnly.indexUnits());
        assertThat(statusChange.capacityUnits()).isBetween(3.0, 8.0);
        assertThat(checkpointOnly.capacityUnits()).isBetween(2.0, 4.0);
    }

    private WriteCost applied(TrackingEvent event) {
        TrackingProcessor.Outcome outcome = processor.process(event);
        assertThat(outcome).isInstanceOf(TrackingProcessor.Outcome.Applied.class);
        WriteCost capacity = ((TrackingProcessor.Outcome.Applied) outcome).capacity();
        assertThat(capacity).as("DynamoDB reports consumed capacity for the apply writes").isNotNull();
        return capacity;
    }

    private static TrackingEvent event(String number, ShipmentStatus status, Instant at) {
        return new TrackingEvent("ups", "cost-" + UUID.randomUUID(), "ups", number, status, status.name(), null, at,
                "Louisville, KY, US", status + " scan", null);
    }
}

package com.ordertracking.shared.application.tracking;

import com.ordertracking.shared.application.Backoff;
import com.ordertracking.shared.application.order.OrderRepository;
import com.ordertracking.shared.application.order.ReturnShipmentRepository;
import com.ordertracking.shared.application.tracking.TrackingProcessor.Outcome;
import com.ordertracking.shared.application.tracking.TrackingRepository.ApplyResult;
import com.ordertracking.shared.application.tracking.TrackingRepository.WriteCost;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.ReturnReceipt;
import com.ordertracking.shared.domain.ReturnShipment;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Applies a carrier event whose number is registered to a return shipment ({@link TrackingProcessor} hands
 * it over at its one dispatch point): advance the shipment ({@link ReturnShipment#track}), and when the parcel
 * is delivered to the seller receive the return ({@link ReturnShipment#receiptOnDelivery}); all in one
 * conditional transaction, re-read and re-applied when another writer got there first.
 */
public final class ReturnShipmentTracking {
    private final OrderRepository orders;
    private final ReturnShipmentRepository returns;
    private final ReturnScans scans;
    private final ParkedEvents parked;
    private final Clock clock;

    public ReturnShipmentTracking(OrderRepository orders, ReturnShipmentRepository returns, ReturnScans scans,
            ParkedEvents parked, Clock clock) {
        this.orders = orders;
        this.returns = returns;
        this.scans = scans;
        this.parked = parked;
        this.clock = clock;
    }

    public Outcome process(TrackingEvent event, String orderId, String returnId) {
        for (int attempt = 1; attempt <= TrackingProcessor.MAX_ATTEMPTS; attempt++) {
            ReturnShipment shipment = returns.find(orderId, returnId).orElseThrow(() -> new IllegalStateException(
                    "Tracking number " + event.trackingNumber() + " is registered to missing return shipment "
                            + orderId + "/" + returnId));
            Order order = orders.find(orderId).orElseThrow(() -> new IllegalStateException(
                    "Return shipment " + orderId + "/" + returnId + " belongs to missing order"));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            ReturnShipment.Tracked tracked = shipment.track(event);
            Optional<ReturnReceipt.Received> receipt = tracked.shipment().receiptOnDelivery(order, now);
            switch (scans.track(tracked.shipment(), tracked.checkpoint(), receipt.orElse(null), event)) {
                case ApplyResult.Applied(WriteCost cost) -> {
                    // Safety net, as for order shipments: events parked while the attach was committing.
                    parked.release(event.carrier(), event.trackingNumber());
                    return new Outcome.Applied(orderId, receipt.map(ReturnReceipt.Received::order).orElse(order), cost);
                }
                case ApplyResult.Duplicate() -> {
                    return new Outcome.Duplicate(orderId);
                }
                case ApplyResult.VersionConflict() -> Backoff.pause(attempt);
            }
        }
        throw new IllegalStateException("Return shipment for " + event.key() + " kept changing; giving up after "
                + TrackingProcessor.MAX_ATTEMPTS + " attempts (SQS will redeliver)");
    }
}

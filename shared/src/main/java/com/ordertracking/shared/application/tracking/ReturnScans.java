package com.ordertracking.shared.application.tracking;

import com.ordertracking.shared.application.tracking.TrackingRepository.ApplyResult;
import com.ordertracking.shared.domain.ReturnReceipt;
import com.ordertracking.shared.domain.ReturnShipment;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.domain.tracking.TrackingEvent;

/** The tracking processor's write of one carrier scan of a return shipment. */
public interface ReturnScans {
    /**
     * One transaction: the shipment (on condition of the version it was computed from), its checkpoint and the
     * applied-event record (both on condition that they do not exist) and, when the scan delivered the return,
     * the received order (on condition of its version) with its entry ({@code receipt} null otherwise).
     */
    ApplyResult track(ReturnShipment shipment, TimelineEntry checkpoint, ReturnReceipt.Received receipt,
            TrackingEvent event);
}

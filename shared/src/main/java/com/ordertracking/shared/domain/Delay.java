package com.ordertracking.shared.domain;

import java.time.Instant;

/**
 * A shipment running late: a flag with a reason, not a status. Set once per delay by the delay
 * monitor (or the tracking processor when a carrier pushes the estimate back); cleared by delivery
 * or revised by a new estimate.
 *
 * @param detectedAt when we noticed
 * @param expectedBy the best current expectation of delivery (may be null when the carrier is silent)
 */
public record Delay(Reason reason, Instant detectedAt, Instant expectedBy) {

    public enum Reason {
        /** The estimated delivery time passed without delivery. */
        PAST_ESTIMATED_DELIVERY,
        /** The carrier has said nothing for too long. */
        NO_CARRIER_UPDATE,
        /** The carrier moved its estimate later by more than a day. */
        ESTIMATE_PUSHED_BACK
    }
}

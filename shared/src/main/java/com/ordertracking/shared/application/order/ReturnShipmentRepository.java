package com.ordertracking.shared.application.order;

import com.ordertracking.shared.application.order.OrderRepository.IdempotencyClaim;
import com.ordertracking.shared.domain.ReturnShipment;
import com.ordertracking.shared.domain.TimelineEntry;
import java.util.Optional;

/**
 * Storage of return shipments (the DynamoDB adapter: {@code DynamoReturnShipmentRepository}): the shipment
 * item beside its order and the tracking-number registration that routes carrier events to it (the
 * tracking side: {@code application.tracking.ReturnScans}).
 */
public interface ReturnShipmentRepository {

    Optional<ReturnShipment> find(String orderId, String returnId);

    /** What an attach did. */
    enum AttachResult {
        ATTACHED,
        /** The carrier + number is registered already (to an order's shipment or another return): nothing written. */
        NUMBER_IN_USE,
        /** The return got a shipment, or left RETURN_APPROVED, or the key was claimed, since it was read: re-read. */
        CHANGED
    }

    /**
     * One transaction: the shipment (on condition that the return has none and the order is still
     * RETURN_APPROVED for this return), the registration of its number (on condition that no one has it),
     * its timeline entry and the idempotency claim (if any).
     */
    AttachResult attach(ReturnShipment shipment, TimelineEntry entry, IdempotencyClaim claim);

    /** The request hash a live claim holds, if the key is claimed. */
    Optional<String> claimedRequest(IdempotencyClaim claim);
}

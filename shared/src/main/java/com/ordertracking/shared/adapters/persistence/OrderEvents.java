package com.ordertracking.shared.adapters.persistence;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.domain.CancellationRequest;
import com.ordertracking.shared.domain.Compensation;
import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.DestinationTimeZones;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.PackageSummary;
import com.ordertracking.shared.domain.PartialRefund;
import com.ordertracking.shared.domain.ReturnRequest;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.event.OrderEvent.CancellationRequestInfo;
import com.ordertracking.shared.domain.event.OrderEvent.CompensationInfo;
import com.ordertracking.shared.domain.event.OrderEvent.DelayInfo;
import com.ordertracking.shared.domain.event.OrderEvent.OrderSummary;
import com.ordertracking.shared.domain.event.OrderEvent.PackageInfo;
import com.ordertracking.shared.domain.event.OrderEvent.RefundInfo;
import com.ordertracking.shared.domain.event.OrderEvent.ReturnInfo;
import com.ordertracking.shared.domain.event.OrderEvent.ReturnState;
import com.ordertracking.shared.domain.event.OrderEvent.ShipmentInfo;
import com.ordertracking.shared.domain.event.OrderEvent;
import com.ordertracking.shared.domain.event.OrderEventType;
import com.ordertracking.shared.domain.seller.SellerSnapshot;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outbox rule: which domain events one stored change of an order means. Pure: compares the
 * order before and after; a change nobody downstream cares about (an address edit, feedback, a
 * late checkpoint that moves nothing, a bare version bump) yields no event at all.
 */
public final class OrderEvents {
    private OrderEvents() {
    }

    /** The events of one stream record; empty for items that are not orders and for removals. */
    public static List<OrderEvent> of(DynamodbStreamRecord record) {
        StreamRecord change = record.getDynamodb();
        if (change == null || "REMOVE".equals(record.getEventName())) {
            return List.of();
        }
        Order after = orderOrNull(change.getNewImage());
        if (after == null) {
            return List.of();
        }
        return between(orderOrNull(change.getOldImage()), after);
    }

    private static Order orderOrNull(Map<String, AttributeValue> image) {
        if (image == null || image.isEmpty()) {
            return null;
        }
        ObjectNode item = StreamImages.toObject(image);
        return OrderItems.isOrderItem(item) ? OrderItems.toOrder(item) : null;
    }

    /** The events that turn {@code before} (null: the order is new) into {@code after}, in a stable order. */
    public static List<OrderEvent> between(Order before, Order after) {
        List<OrderEvent> events = new ArrayList<>();
        if (before == null) {
            events.add(event(OrderEventType.OrderCreated, after, null, new OrderSummary(after.currency(),
                    after.totals() == null ? null : after.totals().total(), after.totalQuantity(), after.createdAt()),
                    null, null, null, null));
            return events;
        }
        if (before.version() >= after.version()) {
            return events; // a replayed or reordered image: nothing new happened
        }
        if (before.status() != after.status()) {
            events.add(event(OrderEventType.OrderStatusChanged, after, before.status(), null, null, null, null, null));
        }
        ShipmentInfo oldShipment = shipment(before.shipment());
        ShipmentInfo newShipment = shipment(after.shipment());
        // The first shipment arrives with the SHIPPED status change; only later changes are updates.
        if (oldShipment != null && newShipment != null && !oldShipment.equals(newShipment)) {
            events.add(event(OrderEventType.ShipmentUpdated, after, null, null, oldShipment, null, null, null));
        }
        if (after.delay() != null && !sameDelay(before.delay(), after.delay())) {
            events.add(event(OrderEventType.DeliveryDelayed, after, null, null, null, delay(after.delay()), null, null));
        }
        ReturnInfo oldReturn = returnInfo(before);
        ReturnInfo newReturn = returnInfo(after);
        if (newReturn != null && (oldReturn == null || oldReturn.state() != newReturn.state()
                || !oldReturn.returnId().equals(newReturn.returnId()))) {
            events.add(event(OrderEventType.ReturnUpdated, after, null, null, null, null, newReturn, null));
        }
        PartialRefund paid = newRefund(before, after);
        if (paid != null) {
            events.add(event(OrderEventType.RefundIssued, after, null, null, null, null, null,
                    new RefundInfo(paid.amount(), after.currency(), paid.at(), paid.refundId(), paid.kind().name(),
                            after.refundedTotal(), after.totals().total(), paid.returnless(), paid.reason())));
        } else if (before.refund() == null && after.refund() != null && after.refund().amount().signum() > 0) {
            // A full refund not recorded in refunds (written by Order.withRefund alone): still money paid back.
            events.add(event(OrderEventType.RefundIssued, after, null, null, null, null, null,
                    new RefundInfo(after.refund().amount(), after.currency(), after.refund().at(), null,
                            PartialRefund.Kind.FULL.name(), after.refund().amount(), after.totals().total(), null, null)));
        }
        CancellationRequest request = after.cancellationRequest();
        if (request != null && (before.cancellationRequest() == null
                || before.cancellationRequest().state() != request.state())) {
            events.add(new OrderEvent(OrderEvent.SCHEMA_VERSION,
                    OrderEvent.eventId(after.orderId(), after.version(), OrderEventType.CancellationRequestUpdated),
                    OrderEventType.CancellationRequestUpdated, after.updatedAt(), after.orderId(), after.version(),
                    after.sellerId(), after.buyer().id(), after.status(), null, null, shipment(after.shipment()), null,
                    null, null, null, null, timeZone(after), new CancellationRequestInfo(request.state().name(),
                            request.reason(), request.decidedBy(), request.decisionReason()),
                    SellerSnapshot.displayNameOf(after.seller()), null));
        }
        PackageInfo changed = null;
        for (PackageInfo pkg : changedPackages(before, after)) {
            changed = changed == null ? pkg : changed;
            events.add(packageEvent(after, pkg));
        }
        if (changed != null) {
            // The other events of this change name the package too, so texts about it can say which.
            PackageInfo cause = changed;
            events.replaceAll(e -> e.pkg() == null ? withPackage(e, cause) : e);
        }
        Compensation offered = newCompensation(before, after);
        if (offered != null) {
            events.add(event(OrderEventType.CompensationOffered, after, null, null, null, null, null, null,
                    new CompensationInfo(offered.type(), offered.couponCode(), offered.percentOff(),
                            offered.amountOff(), offered.currency(), offered.validUntil(), offered.offeredAt())));
        }
        return events;
    }

    /**
     * The packages a change shipped, moved to another status or flagged (or cleared) as late, when the order ships in several (an order shipped
     * in one package is told about with the order's own events, as before packages existed).
     */
    static List<PackageInfo> changedPackages(Order before, Order after) {
        boolean several = after.packages().size() > 1 || after.status() == OrderStatus.PARTIALLY_SHIPPED;
        if (!several) {
            return List.of();
        }
        Map<String, PackageSummary> old = before.packages().stream()
                .collect(Collectors.toMap(PackageSummary::packageId, p -> p));
        boolean complete = after.status() != OrderStatus.PARTIALLY_SHIPPED;
        List<PackageInfo> changed = new ArrayList<>();
        for (PackageSummary pkg : after.packages()) {
            PackageSummary was = old.get(pkg.packageId());
            if (was == null || was.status() != pkg.status() || !was.trackingNumber().equals(pkg.trackingNumber())
                    || !Objects.equals(was.delay(), pkg.delay())) {
                changed.add(new PackageInfo(pkg.packageId(), pkg.number(), after.packages().size(), complete,
                        pkg.carrier(), pkg.trackingNumber(), pkg.status(), was == null ? null : was.status(),
                        pkg.estimatedDelivery(), was == null, pkg.delay() == null ? null : delay(pkg.delay())));
            }
        }
        return changed;
    }

    private static OrderEvent packageEvent(Order order, PackageInfo pkg) {
        OrderEvent base = event(OrderEventType.PackageUpdated, order, null, null, null, null, null, null);
        return new OrderEvent(base.schemaVersion(),
                OrderEvent.eventId(order.orderId(), order.version(), OrderEventType.PackageUpdated, pkg.packageId()),
                base.eventType(), base.occurredAt(), base.orderId(), base.orderVersion(), base.sellerId(), base.buyerId(),
                base.status(), base.previousStatus(), base.order(), base.shipment(), base.previousShipment(), base.delay(),
                base.returnRequest(), base.refund(), base.compensation(), base.destinationTimeZone(),
                base.cancellationRequest(), base.sellerDisplayName(), pkg);
    }

    private static OrderEvent withPackage(OrderEvent e, PackageInfo pkg) {
        return new OrderEvent(e.schemaVersion(), e.eventId(), e.eventType(), e.occurredAt(), e.orderId(),
                e.orderVersion(), e.sellerId(), e.buyerId(), e.status(), e.previousStatus(), e.order(), e.shipment(),
                e.previousShipment(), e.delay(), e.returnRequest(), e.refund(), e.compensation(),
                e.destinationTimeZone(), e.cancellationRequest(), e.sellerDisplayName(), pkg);
    }

    /**
     * The entry {@code after} gained (its coupon code is not in {@code before}), or null. The API appends
     * one compensation per conditional write, so one order version carries at most one new entry and the
     * version-based event id stays unique; should an image ever gain several, the newest is announced.
     */
    private static Compensation newCompensation(Order before, Order after) {
        Set<String> known = before.compensations().stream().map(Compensation::couponCode).collect(Collectors.toSet());
        Compensation added = null;
        for (Compensation c : after.compensations()) {
            if (!known.contains(c.couponCode())) {
                added = c;
            }
        }
        return added;
    }

    /**
     * The refund {@code after} gained (its id is not in {@code before}), or null: each refund is its own write, so
     * one order version carries at most one new refund. A full refund of nothing left to pay adds none.
     */
    private static PartialRefund newRefund(Order before, Order after) {
        Set<String> known = before.refunds().stream().map(PartialRefund::refundId).collect(Collectors.toSet());
        PartialRefund added = null;
        for (PartialRefund refund : after.refunds()) {
            if (!known.contains(refund.refundId())) {
                added = refund;
            }
        }
        return added;
    }

    /** A revision is a new reason or a new expectation; re-flagging the same delay is not news. */
    private static boolean sameDelay(Delay before, Delay after) {
        return before != null && before.reason() == after.reason()
                && Objects.equals(before.expectedBy(), after.expectedBy());
    }

    private static OrderEvent event(OrderEventType type, Order order, OrderStatus previousStatus,
            OrderSummary summary, ShipmentInfo previousShipment, DelayInfo delay, ReturnInfo returnInfo,
            RefundInfo refund) {
        return event(type, order, previousStatus, summary, previousShipment, delay, returnInfo, refund, null);
    }

    private static OrderEvent event(OrderEventType type, Order order, OrderStatus previousStatus,
            OrderSummary summary, ShipmentInfo previousShipment, DelayInfo delay, ReturnInfo returnInfo,
            RefundInfo refund, CompensationInfo compensation) {
        return new OrderEvent(OrderEvent.SCHEMA_VERSION, OrderEvent.eventId(order.orderId(), order.version(), type),
                type, order.updatedAt(), order.orderId(), order.version(), order.sellerId(), order.buyer().id(),
                order.status(), previousStatus, summary, shipment(order.shipment()), previousShipment, delay,
                returnInfo, refund, compensation, timeZone(order), null, SellerSnapshot.displayNameOf(order.seller()), null);
    }

    private static String timeZone(Order order) {
        return DestinationTimeZones.of(order.shippingAddress()).map(ZoneId::getId).orElse(null);
    }

    static ShipmentInfo shipment(Shipment shipment) {
        return shipment == null ? null : new ShipmentInfo(shipment.carrier(), shipment.trackingNumber(),
                shipment.status(), shipment.estimatedDelivery(), shipment.shippedAt(), shipment.lastEventAt(),
                shipment.deliveredAt());
    }

    private static DelayInfo delay(Delay delay) {
        return new DelayInfo(delay.reason(), delay.detectedAt(), delay.expectedBy());
    }

    static ReturnInfo returnInfo(Order order) {
        ReturnRequest request = order.returnRequest();
        if (request == null) {
            return null;
        }
        ReturnState state;
        if (request.receivedAt() != null) {
            state = ReturnState.RECEIVED;
        } else if (request.decidedAt() != null) {
            state = order.status() == OrderStatus.RETURN_REJECTED ? ReturnState.REJECTED : ReturnState.APPROVED;
        } else {
            state = ReturnState.REQUESTED;
        }
        return new ReturnInfo(request.returnId(), state, request.reason(), request.decisionNote(),
                state == ReturnState.RECEIVED ? request.receivedBy() : null);
    }
}

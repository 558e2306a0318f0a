package com.ordertracking.shared.application.order;


import com.ordertracking.shared.application.ConflictException;
import com.ordertracking.shared.application.FieldError;
import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Feedback;
import com.ordertracking.shared.domain.LineItem;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.ReturnRequest;
import com.ordertracking.shared.domain.TimelineEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The buyer's side: history, detail with timeline, address changes while pending, returns within
 * {@link ReturnRequest#WINDOW} of delivery, and feedback once after delivery. A buyer sees only
 * orders placed for it; any other order is a 404, like a missing one.
 */
public final class BuyerOrderService {
    private static final String BUYER = "buyer";

    private final OrderRepository orders;
    private final Clock clock;
    private final Supplier<String> returnIds;
    private final OrderAccess access;

    public BuyerOrderService(OrderRepository orders, Clock clock, Supplier<String> returnIds) {
        this.orders = orders;
        this.clock = clock;
        this.returnIds = returnIds;
        this.access = new OrderAccess(orders);
    }

    /** An order with its timeline (oldest first) and when it was delivered, if it was. */
    public record Detail(Order order, List<TimelineEntry> timeline, Instant deliveredAt) {
    }

    public Page history(String buyerId, int limit, String cursor) {
        try {
            return orders.listByBuyer(buyerId, limit, cursor);
        } catch (InvalidCursorException e) {
            throw ValidationException.of("cursor", e.getMessage());
        }
    }

    public Detail detail(String buyerId, String orderId) {
        Order order = access.buyers(buyerId, orderId);
        List<TimelineEntry> timeline = orders.timeline(orderId);
        return new Detail(order, timeline, order.wasDelivered() ? deliveredAt(order, timeline) : null);
    }

    /** A new shipping address, only while the seller has not started on the order. */
    public Order changeShippingAddress(String buyerId, String orderId, Address address, OptionalLong expectedVersion) {
        Order order = access.buyers(buyerId, orderId);
        if (order.status() != OrderStatus.PENDING) {
            throw new ConflictException("address-locked", "Order " + orderId + " is " + order.status()
                    + ", so its address can no longer be changed here; please contact the seller");
        }
        OrderAccess.requireVersion(order, expectedVersion);
        Instant now = now();
        Order changed = order.withEdits(address, null, now);
        access.update(changed, expectedVersion, List.of(TimelineEntry.note("address-v" + changed.version(), now, changed.status(),
                "Buyer changed the shipping address", BUYER)));
        return changed;
    }

    /** A return of the whole order ({@code items} null) or of some units, within 30 days of delivery. */
    public ReturnRequest requestReturn(String buyerId, String orderId, String reason,
            List<ReturnRequest.ReturnItem> items) {
        Order order = access.buyers(buyerId, orderId);
        if (order.returnRequest() != null) {
            throw new ConflictException("return-already-requested", "A return (" + order.returnRequest()
                    .returnId() + ") was already requested for order " + orderId + "; it is " + order.status());
        }
        if (order.status() != OrderStatus.DELIVERED) {
            throw new ConflictException("not-delivered", "Order " + orderId + " is " + order.status()
                    + "; a return can be requested only once it has been delivered");
        }
        checkItems(order, items);
        Instant now = now();
        Instant deliveredAt = deliveredAt(order, orders.timeline(orderId));
        Instant windowEnd = deliveredAt.plus(ReturnRequest.WINDOW);
        if (now.isAfter(windowEnd)) {
            throw new ConflictException("return-window-closed", "Order " + orderId + " was delivered at "
                    + deliveredAt + "; returns are accepted for " + ReturnRequest.WINDOW.toDays()
                    + " days after delivery, until " + windowEnd + ". Please contact the seller");
        }
        ReturnRequest request = ReturnRequest.requested(returnIds.get(), reason, items, now);
        Order changed = order.withReturnRequest(request, OrderStatus.RETURN_REQUESTED, now);
        access.update(changed, OptionalLong.empty(), List.of(TimelineEntry.statusChanged("return-v" + changed.version(), now,
                OrderStatus.RETURN_REQUESTED, "Buyer requested a return: " + reason, BUYER)));
        return request;
    }

    /** Feedback once, after delivery. */
    public Feedback leaveFeedback(String buyerId, String orderId, int rating, String comment) {
        Order order = access.buyers(buyerId, orderId);
        if (order.feedback() != null) {
            throw new ConflictException("feedback-already-given", "Feedback for order " + orderId
                    + " was already given at " + order.feedback().at() + "; it can be given once");
        }
        if (!order.wasDelivered()) {
            throw new ConflictException("not-delivered", "Order " + orderId + " is " + order.status()
                    + "; feedback can be given once it has been delivered");
        }
        Instant now = now();
        Feedback feedback = new Feedback(rating, comment, now);
        Order changed = order.withFeedback(feedback);
        access.update(changed, OptionalLong.empty(), List.of(TimelineEntry.note("feedback-v" + changed.version(), now, changed.status(),
                "Buyer rated the order " + rating + "/5", BUYER)));
        return feedback;
    }

    /**
     * When the parcel was delivered: the carrier's time on the shipment, else when the order last
     * became DELIVERED (its timeline), else its last change.
     */
    static Instant deliveredAt(Order order, List<TimelineEntry> timeline) {
        if (order.shipment() != null && order.shipment().deliveredAt() != null) {
            return order.shipment().deliveredAt();
        }
        return timeline.stream()
                .filter(entry -> entry.kind() == TimelineEntry.Kind.STATUS_CHANGED && entry.status() == OrderStatus.DELIVERED)
                .map(TimelineEntry::at)
                .reduce((first, second) -> second)
                .orElse(order.updatedAt());
    }

    private static void checkItems(Order order, List<ReturnRequest.ReturnItem> items) {
        if (items == null) {
            return;
        }
        Map<String, LineItem> lines = order.items().stream().collect(Collectors.toMap(LineItem::sku, Function.identity()));
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            LineItem line = lines.get(items.get(i).sku());
            if (line == null) {
                errors.add(new FieldError("items[" + i + "].sku", "is not an item of this order"));
            } else if (items.get(i).quantity() > line.quantity()) {
                errors.add(new FieldError("items[" + i + "].quantity", "must be at most " + line.quantity()
                        + " (the quantity ordered)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

package com.ordertracking.shared.domain;

import static com.ordertracking.shared.domain.OrderStatus.CANCELLED;
import static com.ordertracking.shared.domain.OrderStatus.DELIVERED;
import static com.ordertracking.shared.domain.OrderStatus.IN_TRANSIT;
import static com.ordertracking.shared.domain.OrderStatus.OUT_FOR_DELIVERY;
import static com.ordertracking.shared.domain.OrderStatus.PARTIALLY_SHIPPED;
import static com.ordertracking.shared.domain.OrderStatus.PENDING;
import static com.ordertracking.shared.domain.OrderStatus.PROCESSED;
import static com.ordertracking.shared.domain.OrderStatus.REFUNDED;
import static com.ordertracking.shared.domain.OrderStatus.RETURNED;
import static com.ordertracking.shared.domain.OrderStatus.RETURN_APPROVED;
import static com.ordertracking.shared.domain.OrderStatus.RETURN_REJECTED;
import static com.ordertracking.shared.domain.OrderStatus.RETURN_REQUESTED;
import static com.ordertracking.shared.domain.OrderStatus.SHIPPED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which status changes are legal. The single source of the order lifecycle rules:
 * <pre>
 * PENDING → PROCESSED → [PARTIALLY_SHIPPED →] SHIPPED → IN_TRANSIT → OUT_FOR_DELIVERY → DELIVERED
 * PENDING | PROCESSED → CANCELLED → REFUNDED
 * DELIVERED → RETURN_REQUESTED → RETURN_APPROVED | RETURN_REJECTED; RETURN_APPROVED → RETURNED → REFUNDED
 * </pre>
 * Carriers skip scans, so a shipment may jump forward (SHIPPED → DELIVERED) but never back.
 */
public final class OrderStateMachine {
    private static final Map<OrderStatus, EnumSet<OrderStatus>> NEXT = new EnumMap<>(OrderStatus.class);

    static {
        NEXT.put(PENDING, EnumSet.of(PROCESSED, CANCELLED));
        NEXT.put(PROCESSED, EnumSet.of(PARTIALLY_SHIPPED, SHIPPED, CANCELLED));
        // Cancelling is refused once anything shipped: PARTIALLY_SHIPPED has no way to CANCELLED.
        NEXT.put(PARTIALLY_SHIPPED, EnumSet.of(SHIPPED));
        NEXT.put(SHIPPED, EnumSet.of(IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED));
        NEXT.put(IN_TRANSIT, EnumSet.of(OUT_FOR_DELIVERY, DELIVERED));
        NEXT.put(OUT_FOR_DELIVERY, EnumSet.of(DELIVERED));
        NEXT.put(DELIVERED, EnumSet.of(RETURN_REQUESTED));
        NEXT.put(CANCELLED, EnumSet.of(REFUNDED));
        NEXT.put(RETURN_REQUESTED, EnumSet.of(RETURN_APPROVED, RETURN_REJECTED));
        NEXT.put(RETURN_APPROVED, EnumSet.of(RETURNED));
        NEXT.put(RETURN_REJECTED, EnumSet.noneOf(OrderStatus.class));
        NEXT.put(RETURNED, EnumSet.of(REFUNDED));
        NEXT.put(REFUNDED, EnumSet.noneOf(OrderStatus.class));
    }

    private OrderStateMachine() {
    }

    public static boolean canTransition(OrderStatus from, OrderStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** The statuses reachable in one step from {@code from}. */
    public static Set<OrderStatus> nextStatuses(OrderStatus from) {
        return EnumSet.copyOf(NEXT.get(from));
    }

    public static boolean isTerminal(OrderStatus status) {
        return NEXT.get(status).isEmpty();
    }

    /**
     * Checks a transition, throwing {@link IllegalTransitionException} (a 409 at the API) when it is
     * not allowed.
     */
    public static OrderStatus transition(OrderStatus from, OrderStatus to) {
        if (!canTransition(from, to)) {
            throw new IllegalTransitionException(from, to);
        }
        return to;
    }
}

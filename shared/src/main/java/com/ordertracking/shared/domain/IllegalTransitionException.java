package com.ordertracking.shared.domain;

/** A status change the lifecycle does not allow. */
public final class IllegalTransitionException extends RuntimeException {
    private final OrderStatus from;
    private final OrderStatus to;

    public IllegalTransitionException(OrderStatus from, OrderStatus to) {
        super("An order in status " + from + " cannot move to " + to);
        this.from = from;
        this.to = to;
    }

    public OrderStatus from() {
        return from;
    }

    public OrderStatus to() {
        return to;
    }
}

package com.ordertracking.shared.application.order;

import com.ordertracking.shared.domain.Order;
import java.util.List;

/** One page of a listing; {@code nextCursor} is null on the last page. */
public record Page(List<Order> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}

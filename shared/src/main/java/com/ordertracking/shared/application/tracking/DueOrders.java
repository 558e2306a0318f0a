package com.ordertracking.shared.application.tracking;

import com.ordertracking.shared.domain.Order;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** The delay monitor's reads: the orders whose due time has come (an index), and each order as stored. */
public interface DueOrders {

    /** What a scan read: how many partitions, how many due keys, and the read capacity consumed. */
    record Scan(int shards, int itemsRead, double readUnits) {
    }

    /**
     * Hands the id of every order due at or before {@code now} to {@code visit}, page by page, while
     * {@code keepReading} says so (the rest stays due for the next run).
     */
    Scan scan(Instant now, BooleanSupplier keepReading, Consumer<String> visit);

    /** A consistent read of an order and the read capacity it consumed. */
    record Read(Optional<Order> order, double readUnits) {
    }

    Read read(String orderId);
}

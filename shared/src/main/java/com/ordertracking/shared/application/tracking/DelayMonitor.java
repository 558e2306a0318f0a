package com.ordertracking.shared.application.tracking;

import com.ordertracking.shared.application.VersionConflictException;
import com.ordertracking.shared.application.order.OrderRepository;
import com.ordertracking.shared.application.order.PackageRepository;
import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderPackage;
import com.ordertracking.shared.domain.tracking.OrderFulfilment;
import com.ordertracking.shared.domain.tracking.DelayRules;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The delay monitor (docs/delays.md): per {@code ByDueTime} shard, Query {@code gsi4sk <= now} (only
 * overdue shipments are read, never the table), GetItem each candidate (consistent), re-check
 * {@link DelayRules#check} on what is stored and flag it with one conditional transaction (order +
 * DELAY timeline entry). Flagging moves the order's due time on, so later runs skip it; a stale index
 * entry or a concurrent writer is re-checked against the stored order, so nothing is flagged twice.
 */
public final class DelayMonitor {
    /** A concurrent tracking update is rare; past this the order waits for the next run (it stays due). */
    static final int MAX_ATTEMPTS = 3;

    private final DueOrders due;
    private final OrderRepository orders;
    private final PackageRepository packages;
    private final DelayRules rules;
    private final Clock clock;

    /** {@code packages}: an order shipped in packages is due when one of them is; each is flagged on its own. */
    public DelayMonitor(DueOrders due, OrderRepository orders, PackageRepository packages, DelayRules rules,
            Clock clock) {
        this.due = due;
        this.orders = orders;
        this.packages = packages;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * What one run did. {@code dueItemsRead} is what the index queries returned (the overdue keys),
     * {@code ordersRead} the GetItems, {@code readUnits} the read capacity both consumed; {@code notDue}
     * counts candidates the stored order no longer makes due (index lag, a change since); {@code deferred}
     * those left for the next run (time ran out or the order kept changing).
     */
    public record Summary(Instant now, int shards, int dueItemsRead, int ordersRead, double readUnits, int flagged,
            int notDue, int deferred, List<String> flaggedOrderIds) {
    }

    public Summary run() {
        return run(() -> true);
    }

    /** @param hasTime false when the invocation is about to time out: the rest stays due for the next run */
    public Summary run(BooleanSupplier hasTime) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Counters counters = new Counters();
        DueOrders.Scan scan = due.scan(now, hasTime, orderId -> {
            if (hasTime.getAsBoolean()) {
                check(orderId, now, counters);
            } else {
                counters.deferred++;
            }
        });
        return new Summary(now, scan.shards(), scan.itemsRead(), counters.ordersRead,
                scan.readUnits() + counters.readUnits, counters.flagged.size(), counters.notDue, counters.deferred,
                List.copyOf(counters.flagged));
    }

    private void check(String orderId, Instant now, Counters counters) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Order> stored = read(orderId, counters);
            if (stored.isPresent() && stored.get().hasPackages()) {
                if (checkPackages(stored.get(), now, counters)) {
                    return;
                }
                continue; // the order or a package changed meanwhile: re-read
            }
            Optional<Delay> delay = stored.flatMap(order -> rules.check(order, now));
            if (delay.isEmpty()) {
                counters.notDue++;
                return;
            }
            Order flagged = stored.get().withDelay(delay.get(), now);
            try {
                orders.update(flagged, List.of(DelayRules.entry(flagged, delay.get(), null)));
                counters.flagged.add(orderId);
                return;
            } catch (VersionConflictException e) {
                // Someone (the tracking processor) wrote first: re-read, the news may resolve the delay.
            }
        }
        counters.deferred++;
    }

    /**
     * Flags each package past a trigger no flag covers, and the order's {@code delay} with the first (one conditional
     * write each, so a package is flagged once). False on a conflict with a concurrent writer.
     */
    private boolean checkPackages(Order stored, Instant now, Counters counters) {
        Order order = stored;
        boolean flaggedAny = false;
        for (OrderPackage pkg : packages.packages(order.orderId())) {
            Optional<Delay> delay = rules.check(pkg, now);
            if (delay.isEmpty()) {
                continue;
            }
            OrderPackage flagged = pkg.withTracking(pkg.shipment(), delay.get(), now);
            Optional<Order> changed = OrderFulfilment.afterPackageChange(order, flagged, now);
            try {
                packages.flag(pkg, flagged, order, changed,
                        List.of(DelayRules.entry(flagged, order.status(), delay.get(), null)));
            } catch (VersionConflictException e) {
                return false;
            }
            order = changed.orElse(order);
            flaggedAny = true;
        }
        if (flaggedAny) {
            counters.flagged.add(order.orderId());
        } else {
            counters.notDue++;
        }
        return true;
    }

    private Optional<Order> read(String orderId, Counters counters) {
        DueOrders.Read read = due.read(orderId);
        counters.ordersRead++;
        counters.readUnits += read.readUnits();
        return read.order();
    }

    private static final class Counters {
        int ordersRead;
        double readUnits;
        int notDue;
        int deferred;
        final List<String> flagged = new ArrayList<>();
    }
}

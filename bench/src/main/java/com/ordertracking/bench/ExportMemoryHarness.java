package com.ordertracking.bench;

import com.ordertracking.shared.adapters.http.order.OrderExport;
import com.ordertracking.shared.application.order.OrderRepository.SellerListing;
import com.ordertracking.shared.application.order.Page;
import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Buyer;
import com.ordertracking.shared.domain.LineItem;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.Totals;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Memory of {@code GET /orders/export}'s chunking ({@link OrderExport}) as the number of orders grows: the
 * listing is generated page by page on demand (as DynamoDB serves it: at most 100 orders a page, nothing kept
 * between pages), so what is measured is what the export itself holds. Per chunk: a full GC, the heap pools'
 * peak reset, the chunk built, then the peak heap used during it. Prints one line per order count; asserts nothing.
 *
 * <p>{@code java -Xmx256m -cp bench/target/classes:<shared classpath> com.ordertracking.bench.ExportMemoryHarness 1000 10000 50000}
 * (see bench/README.md for the one-line Maven invocation).
 */
public final class ExportMemoryHarness {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] NAMES = {"Zoë \"Zo\" O'Brien, Jr.", "Ångström, Åsa\nc/o Müller", "José Núñez",
        "李小龍", "Plain Name"};

    public static void main(String[] args) {
        List<Integer> counts = new ArrayList<>();
        for (String arg : args) {
            counts.add(Integer.parseInt(arg));
        }
        if (counts.isEmpty()) {
            counts = List.of(1_000, 10_000, 50_000);
        }
        System.out.printf("max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("orders | chunks | rows in largest chunk | largest chunk (UTF-8 bytes) | peak heap during a chunk (MB) | heap after GC at rest (MB)");
        for (int orders : counts) {
            measure(orders);
        }
    }

    private static void measure(int orders) {
        OrderExport export = new OrderExport(listing(orders));
        String cursor = null;
        int chunks = 0;
        int rows = 0;
        int largestRows = 0;
        long largestBytes = 0;
        long peak = 0;
        do {
            System.gc();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            OrderExport.Chunk chunk = export.chunk(new SellerListing("bench-seller", null, null, null, 20, cursor));
            long bytes = chunk.csv().getBytes(StandardCharsets.UTF_8).length;
            peak = Math.max(peak, heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum());
            largestRows = Math.max(largestRows, chunk.rows());
            largestBytes = Math.max(largestBytes, bytes);
            rows += chunk.rows();
            chunks++;
            cursor = chunk.nextCursor();
        } while (cursor != null);
        if (rows != orders) {
            throw new IllegalStateException("exported " + rows + " of " + orders);
        }
        System.gc();
        long atRest = heapPools().stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        System.out.printf("%,d | %d | %,d | %,d | %.1f | %.1f%n", orders, chunks, largestRows, largestBytes,
                peak / 1048576.0, atRest / 1048576.0);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    /** Orders 0..n-1, newest first, served like the index: a page of at most {@code limit}, cursor = next position. */
    private static Function<SellerListing, Page> listing(int n) {
        return request -> {
            int from = request.cursor() == null ? 0 : Integer.parseInt(request.cursor());
            int to = Math.min(n, from + request.limit());
            List<Order> page = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                page.add(order(n - 1 - i));
            }
            return new Page(page, to < n ? Integer.toString(to) : null);
        };
    }

    private static Order order(int i) {
        BigDecimal price = new BigDecimal("12.50");
        Order placed = Order.placed("ord_" + String.format("%026d", i), "bench-seller",
                new Buyer("buyer-" + i, NAMES[i % NAMES.length] + " " + i, "b" + i + "@example.com", null),
                List.of(new LineItem("MUG-01", "Ceramic mug", 2, price, price.add(price))),
                new Address(NAMES[(i + 2) % NAMES.length], i + " Rue de l'Église", null, i % 2 == 0 ? "São Paulo, SP" : "Zürich",
                        "Île-de-France", String.format("%05d", i % 100_000), i % 2 == 0 ? "BR" : "CH", null),
                "EUR", null,
                new Totals(new BigDecimal("25.00"), new BigDecimal("0.00"), new BigDecimal("4.99"), new BigDecimal("29.99")),
                START.plusSeconds(i));
        return i % 3 == 0 ? placed : placed.withShipment(Shipment.registered("ups", "1Z999AA1" + String.format("%010d", i), null,
                START.plusSeconds(i + 60)), START.plusSeconds(i + 60));
    }
}

package com.ordertracking.shared.adapters.http.order;

import com.ordertracking.shared.adapters.http.csv.CsvWriter;
import com.ordertracking.shared.application.order.OrderRepository.SellerListing;
import com.ordertracking.shared.application.order.Page;
import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.LineItem;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.PackageSummary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code GET /orders/export}: the seller's orders as CSV, read page by page from the same listing as
 * {@code GET /orders} (same index, filters and cursors) into one bounded chunk. A Lambda proxy response is
 * a single body of at most 6 MB, so a chunk stops before {@link #BUDGET} bytes (as the JSON-escaped body)
 * and names the cursor of the next chunk; memory is bounded by the chunk, whatever the number of orders.
 * Pages shrink as the budget runs out so that a whole page always fits ({@link #MAX_ROW_WEIGHT} bounds a
 * row: every text field of an order has a length limit).
 */
public final class OrderExport {
    public static final long BUDGET = 5_000_000;
    static final long MAX_ROW_WEIGHT = 16_384;
    /**
     * The one field that grows with the order (packages have no upper count): longer lists end with
     * {@code +N more}, which keeps a row within {@link #MAX_ROW_WEIGHT} and a cell well inside a spreadsheet's
     * 32,767 characters. About 60 numbers fit.
     */
    static final int MAX_TRACKING_TEXT = 4_096;
    static final int PAGE_SIZE = Listings.MAX_LIMIT;
    /**
     * Listing calls per chunk at most: bounds a chunk's reads and time (API Gateway waits 30 s) when pages come
     * back short, as a {@code delayed=true} listing's do (each call evaluates up to 1,000 index items).
     */
    static final int MAX_PAGES = 200;

    public static final List<String> COLUMNS = List.of("orderId", "createdAt", "status", "currency", "subtotal",
            "discount", "shipping", "total", "refunded", "units", "buyerId", "buyerName", "shipToName",
            "shipToCity", "shipToRegion", "shipToPostalCode", "shipToCountry", "carrier", "trackingNumbers",
            "updatedAt");

    /** One chunk of CSV (header row first) and the cursor of the next chunk, null when this is the last. */
    public record Chunk(String csv, int rows, String nextCursor) {
    }

    private final Function<SellerListing, Page> listing;
    private final long budget;

    public OrderExport(Function<SellerListing, Page> listing) {
        this(listing, BUDGET);
    }

    OrderExport(Function<SellerListing, Page> listing, long budget) {
        this.listing = listing;
        this.budget = budget;
    }

    /** The chunk starting at {@code request.cursor()} (the first when null), with the request's filters. */
    public Chunk chunk(SellerListing request) {
        StringBuilder body = new StringBuilder();
        CsvWriter csv = new CsvWriter(body);
        csv.record(COLUMNS);
        int rows = 0;
        String cursor = request.cursor();
        for (int pages = 0; ; pages++) {
            long pageSize = Math.min(PAGE_SIZE, (budget - csv.weight()) / MAX_ROW_WEIGHT);
            if (pageSize < 1 || pages == MAX_PAGES) {
                return new Chunk(body.toString(), rows, cursor);
            }
            Page page = listing.apply(new SellerListing(request.sellerId(), request.status(), request.createdFrom(),
                    request.createdTo(), (int) pageSize, cursor, request.delayedOnly()));
            for (Order order : page.items()) {
                csv.record(row(order));
                rows++;
            }
            cursor = page.nextCursor();
            if (cursor == null) {
                return new Chunk(body.toString(), rows, null);
            }
        }
    }

    static List<String> row(Order order) {
        Address to = order.shippingAddress();
        List<String> fields = new ArrayList<>(COLUMNS.size());
        fields.add(order.orderId());
        fields.add(order.createdAt().toString());
        fields.add(order.status().name());
        fields.add(order.currency());
        fields.add(money(order.totals().subtotal()));
        fields.add(money(order.totals().discount()));
        fields.add(money(order.totals().shipping()));
        fields.add(money(order.totals().total()));
        fields.add(order.refund() == null ? null : money(order.refund().amount()));
        fields.add(Long.toString(order.items().stream().mapToLong(LineItem::quantity).sum()));
        fields.add(text(order.buyer().id()));
        fields.add(text(order.buyer().name()));
        fields.add(text(to.name()));
        fields.add(text(to.city()));
        fields.add(text(to.region()));
        fields.add(text(to.postalCode()));
        fields.add(text(to.country()));
        fields.add(text(spaced(parcels(order).map(Parcel::carrier).distinct())));
        fields.add(text(bounded(parcels(order).map(Parcel::trackingNumber).toList())));
        fields.add(order.updatedAt().toString());
        return fields;
    }

    private record Parcel(String carrier, String trackingNumber) {
    }

    /** What the order ships in: its packages in package order, or the one shipment of an order stored before packages. */
    private static Stream<Parcel> parcels(Order order) {
        if (order.packages().isEmpty()) {
            return Stream.ofNullable(order.shipment()).map(s -> new Parcel(s.carrier(), s.trackingNumber()));
        }
        return order.packages().stream().sorted(Comparator.comparingInt(PackageSummary::number))
                .map(p -> new Parcel(p.carrier(), p.trackingNumber()));
    }

    /** The numbers separated by spaces, as many as fit in {@link #MAX_TRACKING_TEXT}, then {@code +N more}. */
    static String bounded(List<String> numbers) {
        List<String> present = numbers.stream().filter(v -> v != null && !v.isBlank()).toList();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < present.size(); i++) {
            String more = " +" + (present.size() - i) + " more";
            if (text.length() + 1 + present.get(i).length() + more.length() > MAX_TRACKING_TEXT) {
                return text.append(more).toString();
            }
            text.append(text.isEmpty() ? "" : " ").append(present.get(i));
        }
        return text.isEmpty() ? null : text.toString();
    }

    private static String spaced(Stream<String> values) {
        String joined = values.filter(v -> v != null && !v.isBlank()).collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    /**
     * Text that came from a buyer or seller, made inert for spreadsheets (OWASP "CSV injection"): a value starting
     * with {@code = + - @}, tab or CR would be read as a formula by Excel, LibreOffice and Google Sheets, so it gets a
     * leading apostrophe, which they show as text. Buyer names and addresses are the buyer's own words, and the
     * seller opens the export.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}

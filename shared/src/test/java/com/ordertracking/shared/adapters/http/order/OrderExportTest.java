package com.ordertracking.shared.adapters.http.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.shared.application.order.OrderRepository.SellerListing;
import com.ordertracking.shared.application.order.Page;
import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Buyer;
import com.ordertracking.shared.domain.LineItem;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.PackageSummary;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.Totals;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class OrderExportTest {
    private static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

    private static Order order(int n) {
        BigDecimal price = new BigDecimal("12.50");
        return Order.placed("ord_" + n, "s1", new Buyer("b" + n, "Doe, \"J\" " + n, null, null),
                List.of(new LineItem("A", "A", 2, price, price.add(price))),
                new Address("Zoë\nHaus " + n, "1 St", null, "Köln, Süd", null, "50667", "DE", null), "EUR", null,
                new Totals(new BigDecimal("25.00"), new BigDecimal("0.00"), new BigDecimal("4.99"), new BigDecimal("29.99")),
                AT.plusSeconds(n));
    }

    /** An in-memory listing of {@code orders}, paged like the real one (cursor = index of the next order). */
    private static Function<SellerListing, Page> listing(List<Order> orders, List<Integer> pageSizes) {
        return request -> {
            pageSizes.add(request.limit());
            int start = request.cursor() == null ? 0 : Integer.parseInt(request.cursor());
            int end = Math.min(orders.size(), start + request.limit());
            return new Page(orders.subList(start, end), end < orders.size() ? Integer.toString(end) : null);
        };
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    @Test
    void one_row_per_order_with_totals_status_city_country_and_tracking() throws IOException {
        Order shipped = order(1).withShipment(Shipment.registered("ups", "1Z999AA10123456784", null, AT), AT);
        OrderExport.Chunk chunk = new OrderExport(listing(List.of(shipped, order(2)), new ArrayList<>()))
                .chunk(new SellerListing("s1", null, null, null, 20, null));

        List<CSVRecord> rows = parse(chunk.csv());
        assertThat(chunk.rows()).isEqualTo(2);
        assertThat(chunk.nextCursor()).isNull();
        assertThat(rows.get(0).toMap()).containsEntry("orderId", "ord_1").containsEntry("status", "PENDING")
                .containsEntry("total", "29.99").containsEntry("currency", "EUR").containsEntry("units", "2")
                .containsEntry("buyerName", "Doe, \"J\" 1").containsEntry("shipToName", "Zoë\nHaus 1")
                .containsEntry("shipToCity", "Köln, Süd").containsEntry("shipToCountry", "DE")
                .containsEntry("carrier", "ups").containsEntry("trackingNumbers", "1Z999AA10123456784")
                .containsEntry("refunded", "");
        assertThat(rows.get(1).get("trackingNumbers")).isEmpty();
    }

    @Test
    void an_order_in_packages_lists_every_tracking_number_in_package_order_and_each_carrier_once() throws IOException {
        // GIVEN an order shipped in three packages, summarised out of package order
        Order inPackages = order(3).withStatus(OrderStatus.PROCESSED, AT).withPackages(List.of(
                shipped("pkg-2", 2, "dhl", "JD014600006281230704"),
                shipped("pkg-1", 1, "ups", "1Z999AA10123456784"),
                shipped("pkg-3", 3, "ups", "1Z999AA10123456785")), OrderStatus.SHIPPED, null, null, AT);

        // WHEN it is exported
        CSVRecord row = parse(new OrderExport(listing(List.of(inPackages), new ArrayList<>()))
                .chunk(new SellerListing("s1", null, null, null, 20, null)).csv()).get(0);

        // THEN every package's number is there, not only the order's summary shipment
        assertThat(row.get("trackingNumbers")).isEqualTo("1Z999AA10123456784 JD014600006281230704 1Z999AA10123456785");
        assertThat(row.get("carrier")).isEqualTo("ups dhl");
        assertThat(row.get("status")).isEqualTo("SHIPPED");
    }

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_is_made_inert() throws IOException {
        // GIVEN a buyer whose name and address are spreadsheet formulas (the buyer types them; the seller opens the file)
        BigDecimal price = new BigDecimal("12.50");
        Order hostile = Order.placed("ord_x", "s1", new Buyer("@buyer", "=HYPERLINK(\"https://evil.example\",\"Click\")", null, null),
                List.of(new LineItem("A", "A", 1, price, price)),
                new Address("+1 Bob", "1 St", null, "-2+3", "\tTab", "\r50667", "DE", null), "EUR", null,
                new Totals(price, new BigDecimal("0.00"), new BigDecimal("0.00"), price), AT);

        // WHEN it is exported
        CSVRecord row = parse(new OrderExport(listing(List.of(hostile), new ArrayList<>()))
                .chunk(new SellerListing("s1", null, null, null, 20, null)).csv()).get(0);

        // THEN each such text field starts with an apostrophe, which spreadsheets show as text
        assertThat(row.get("buyerName")).isEqualTo("'=HYPERLINK(\"https://evil.example\",\"Click\")");
        assertThat(row.get("buyerId")).isEqualTo("'@buyer");
        assertThat(row.get("shipToName")).isEqualTo("'+1 Bob");
        assertThat(row.get("shipToCity")).isEqualTo("'-2+3");
        assertThat(row.get("shipToRegion")).isEqualTo("'\tTab");
        assertThat(row.get("shipToPostalCode")).isEqualTo("'\r50667");
        assertThat(row.get("shipToCountry")).isEqualTo("DE");
    }

    @Test
    void a_tracking_number_that_starts_with_a_dash_is_text_too() throws IOException {
        Order inPackages = order(4).withStatus(OrderStatus.PROCESSED, AT).withPackages(
                List.of(shipped("pkg-1", 1, "local-post", "-123456")), OrderStatus.SHIPPED, null, null, AT);

        CSVRecord row = parse(new OrderExport(listing(List.of(inPackages), new ArrayList<>()))
                .chunk(new SellerListing("s1", null, null, null, 20, null)).csv()).get(0);

        assertThat(row.get("trackingNumbers")).isEqualTo("'-123456");
    }

    @Test
    void an_order_with_hundreds_of_packages_keeps_its_row_within_the_bound() {
        // GIVEN 500 numbers of 30 characters (15,500 characters spaced, more than a row may weigh)
        List<String> numbers = IntStream.range(0, 500).mapToObj(i -> String.format("TRK%027d", i)).toList();

        String text = OrderExport.bounded(numbers);

        // THEN the first numbers are there in order and the rest are counted, within the field's bound
        assertThat(text.length()).isLessThanOrEqualTo(OrderExport.MAX_TRACKING_TEXT);
        assertThat(text).startsWith(numbers.get(0) + " " + numbers.get(1) + " ");
        int shown = text.split(" \\+")[0].split(" ").length;
        assertThat(text).endsWith(" +" + (500 - shown) + " more");
        assertThat(OrderExport.bounded(numbers.subList(0, 3))).isEqualTo(String.join(" ", numbers.subList(0, 3)));
        assertThat(OrderExport.bounded(List.of())).isNull();
    }

    private static PackageSummary shipped(String packageId, int number, String carrier, String trackingNumber) {
        return new PackageSummary(packageId, number, carrier, trackingNumber, List.of(), ShipmentStatus.IN_TRANSIT,
                ShipmentStatus.IN_TRANSIT, null, AT, null, null);
    }

    @Test
    void a_chunk_stops_before_its_budget_and_names_where_the_next_starts() throws IOException {
        List<Order> orders = IntStream.range(0, 250).mapToObj(OrderExportTest::order).toList();
        List<Integer> pageSizes = new ArrayList<>();
        long budget = 3 * OrderExport.MAX_ROW_WEIGHT + 1_000;
        OrderExport export = new OrderExport(listing(orders, pageSizes), budget);

        List<String> ids = new ArrayList<>();
        String cursor = null;
        int chunks = 0;
        do {
            OrderExport.Chunk chunk = export.chunk(new SellerListing("s1", null, null, null, 20, cursor));
            assertThat(CsvWriterWeight.of(chunk.csv())).isLessThanOrEqualTo(budget);
            parse(chunk.csv()).forEach(row -> ids.add(row.get("orderId")));
            cursor = chunk.nextCursor();
            chunks++;
        } while (cursor != null);

        assertThat(ids).isEqualTo(orders.stream().map(Order::orderId).toList());
        assertThat(chunks).isGreaterThan(1);
        assertThat(pageSizes).allSatisfy(size -> assertThat(size).isBetween(1, OrderExport.PAGE_SIZE));
    }

    @Test
    void short_pages_end_a_chunk_after_the_page_limit_with_a_cursor() throws IOException {
        List<Order> orders = IntStream.range(0, OrderExport.MAX_PAGES + 50).mapToObj(OrderExportTest::order).toList();
        List<Integer> pageSizes = new ArrayList<>();
        // A listing whose pages hold one order whatever the limit (as a filtered listing's may).
        Function<SellerListing, Page> onePerPage = request -> listing(orders, pageSizes)
                .apply(new SellerListing(request.sellerId(), null, null, null, 1, request.cursor()));

        OrderExport.Chunk first = new OrderExport(onePerPage).chunk(new SellerListing("s1", null, null, null, 20, null));

        assertThat(first.rows()).isEqualTo(OrderExport.MAX_PAGES);
        assertThat(first.nextCursor()).isEqualTo(Integer.toString(OrderExport.MAX_PAGES));
        OrderExport.Chunk rest = new OrderExport(onePerPage).chunk(new SellerListing("s1", null, null, null, 20, first.nextCursor()));
        assertThat(parse(rest.csv())).hasSize(50);
        assertThat(rest.nextCursor()).isNull();
    }

    private static final class CsvWriterWeight {
        static long of(String csv) {
            return com.ordertracking.shared.adapters.http.csv.CsvWriter.weightOf(csv);
        }
    }
}

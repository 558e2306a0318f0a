package com.ordertracking.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiHandler;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.order.Listings;
import com.ordertracking.shared.adapters.http.order.OrderExport;
import com.ordertracking.shared.application.order.OrderLifecycleService;
import com.ordertracking.shared.application.order.OrderRepository.SellerListing;
import com.ordertracking.shared.wiring.Components;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code GET /orders/export?status=&createdFrom=&createdTo=&delayed=&cursor=}: the seller's orders as
 * {@code text/csv}, newest first, with the listing's filters and validation. One response is one bounded
 * chunk (a Lambda proxy body is limited to 6 MB); when more orders follow, {@code Link: <…>; rel="next"}
 * names the next chunk.
 */
public final class ExportOrdersHandler extends ApiHandler {
    private static final List<String> FILTERS = List.of("status", "createdFrom", "createdTo", "delayed");

    private final OrderExport export;

    public ExportOrdersHandler() {
        this(Components.fromEnvironment().lifecycle());
    }

    public ExportOrdersHandler(OrderLifecycleService orders) {
        this.export = new OrderExport(orders::list);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        SellerListing listing = Listings.seller(request.seller().subject(), request);
        OrderExport.Chunk chunk = export.chunk(listing);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "text/csv; charset=utf-8");
        headers.put("content-disposition", "attachment; filename=\"orders.csv\"");
        headers.put("cache-control", "no-store");
        headers.put("x-export-rows", Integer.toString(chunk.rows()));
        if (chunk.nextCursor() != null) {
            headers.put("link", "<" + nextChunk(request, chunk.nextCursor()) + ">; rel=\"next\"");
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(headers)
                .withBody(chunk.csv())
                .build();
    }

    /** The same filters and the cursor of the next chunk (a relative reference, resolved against this request). */
    private static String nextChunk(ApiRequest request, String cursor) {
        StringJoiner query = new StringJoiner("&");
        for (String name : FILTERS) {
            request.query(name).ifPresent(value -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        query.add("cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        return "/orders/export?" + query;
    }
}

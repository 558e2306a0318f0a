package com.ordertracking.shared.adapters.http.order;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.http.ApiResponses;
import com.ordertracking.shared.adapters.http.OrderViews;
import com.ordertracking.shared.application.order.CancellationRequestService;
import com.ordertracking.shared.application.order.PartialRefundService;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.PartialRefund;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Responses of the buyer-request routes (issue 12). Like {@code POST /orders}, a retry with the same
 * {@code Idempotency-Key} answers as the first request did, with {@code Idempotent-Replayed: true}.
 */
public final class RequestResponses {
    private RequestResponses() {
    }

    /** 200 with the order when it was cancelled at once; 202 when a request now waits for the seller. */
    public static APIGatewayV2HTTPResponse requested(OrderViews views, CancellationRequestService.Requested requested) {
        return order(requested.cancelledAtOnce() ? 200 : 202, views, requested.order(), requested.replayed());
    }

    /** 200 with the order after the seller's decision. */
    public static APIGatewayV2HTTPResponse decided(OrderViews views, CancellationRequestService.Decided decided) {
        return order(200, views, decided.order(), decided.replayed());
    }

    /** A refund as {@code POST /orders/{orderId}/refunds} answers: the refund and where the order's total stands. */
    public record RefundView(String orderId, String refundId, PartialRefund.Kind kind, BigDecimal amount, String currency,
            List<PartialRefund.RefundItem> items, String reason, boolean returnless, String by, Instant at,
            BigDecimal refundedTotal, BigDecimal orderTotal) {
    }

    /** 201 with the refund; {@code refundedTotal} is the order's as read after the refund was stored. */
    public static APIGatewayV2HTTPResponse refunded(PartialRefundService.Refunded refunded) {
        Order order = refunded.order();
        PartialRefund refund = refunded.refund();
        return ApiResponses.json(201, new RefundView(order.orderId(), refund.refundId(), refund.kind(), refund.amount(),
                order.currency(), refund.items(), refund.reason(), refund.returnless(), refund.by(), refund.at(),
                order.refundedTotal(), order.totals().total()), Map.of(
                "location", "/orders/" + order.orderId(),
                "idempotent-replayed", Boolean.toString(refunded.replayed())));
    }

    private static APIGatewayV2HTTPResponse order(int status, OrderViews views, Order order, boolean replayed) {
        return ApiResponses.json(status, views.of(order), Map.of(
                "etag", ApiResponses.etag(order.version()),
                "idempotent-replayed", Boolean.toString(replayed)));
    }
}

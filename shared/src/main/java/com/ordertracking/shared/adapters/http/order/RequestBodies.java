package com.ordertracking.shared.adapters.http.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.adapters.http.JsonFields;
import com.ordertracking.shared.application.order.PartialRefundService.RefundRequest;
import com.ordertracking.shared.domain.PartialRefund;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Bodies of the buyer-request routes (issue 12): cancellation requests and decisions, partial refunds. Each
 * validates the whole body and throws a {@code ValidationException} naming every bad field.
 */
public final class RequestBodies {
    private static final int MAX_REASON = 500;

    private RequestBodies() {
    }

    /** {@code POST /me/orders/{orderId}/cancellation {reason}}. */
    public static String cancellationReason(JsonNode body) {
        return OrderBodies.cancelReason(body);
    }

    /** An optional body {@code {"reason": "..."}} (the seller's decision); no body at all is fine. */
    public static String optionalReason(ApiRequest request) {
        if (request.rawBody().length == 0) {
            return null;
        }
        JsonFields body = JsonFields.root(request.jsonBody());
        body.throwIfInvalid();
        body.rejectUnknown(Set.of("reason"));
        String reason = body.optionalText("reason", MAX_REASON);
        body.throwIfInvalid();
        return reason;
    }

    /** {@code POST /orders/{orderId}/refunds {amount? | items?, reason, returnless?}}: exactly one of amount and items. */
    public static RefundRequest refund(JsonNode body) {
        JsonFields fields = JsonFields.root(body);
        fields.throwIfInvalid();
        fields.rejectUnknown(Set.of("amount", "items", "reason", "returnless"));
        String reason = fields.requiredText("reason", MAX_REASON);
        Boolean returnless = fields.optionalBoolean("returnless");
        BigDecimal amount = null;
        List<PartialRefund.RefundItem> items = null;
        if (fields.has("amount") && fields.has("items")) {
            fields.error("items", "give amount or items, not both");
        } else if (fields.has("items")) {
            items = items(fields);
        } else if (!fields.has("amount")) {
            fields.error("amount", "is required unless items are given");
        } else {
            amount = OrderRequests.amount(fields, "amount", null, true);
            if (amount != null && amount.signum() == 0) {
                fields.error("amount", "must be greater than 0");
            }
        }
        fields.throwIfInvalid();
        return new RefundRequest(amount, items, reason, Boolean.TRUE.equals(returnless));
    }

    private static List<PartialRefund.RefundItem> items(JsonFields fields) {
        List<PartialRefund.RefundItem> items = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        for (JsonFields item : fields.requiredObjectArray("items", 1, OrderRequests.MAX_ITEMS)) {
            item.rejectUnknown(Set.of("sku", "quantity"));
            String sku = item.requiredText("sku", 64);
            Integer quantity = item.requiredInt("quantity", 1, OrderRequests.MAX_QUANTITY);
            if (sku != null && !skus.add(sku)) {
                item.error("sku", "appears more than once");
            }
            if (sku != null && quantity != null) {
                items.add(new PartialRefund.RefundItem(sku, quantity));
            }
        }
        return items;
    }
}

package com.ordertracking.shared.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Pricing.LineRequest;
import com.ordertracking.shared.validation.JsonFields;
import java.util.List;
import java.util.Set;

/**
 * A validated {@code PATCH /orders/{orderId}} body: a new shipping address and/or a new list of
 * line items (which replaces the old one and is re-priced). Null means "unchanged". Unit prices
 * are checked against the order's currency once the order is loaded.
 */
public record OrderEdit(Address shippingAddress, List<LineRequest> items) {

    public static OrderEdit parse(JsonNode body) {
        JsonFields fields = JsonFields.root(body);
        fields.throwIfInvalid();
        fields.rejectUnknown(Set.of("shippingAddress", "items"));
        Address address = OrderRequests.address(fields.optionalObject("shippingAddress"));
        List<LineRequest> items = fields.has("items") ? OrderRequests.lines(fields, null) : null;
        if (!fields.has("shippingAddress") && !fields.has("items") && fields.isValid()) {
            fields.error("shippingAddress", "give shippingAddress, items or both");
        }
        fields.throwIfInvalid();
        return new OrderEdit(address, items);
    }
}

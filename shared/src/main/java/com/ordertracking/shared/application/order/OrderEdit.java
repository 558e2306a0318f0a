package com.ordertracking.shared.application.order;

import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Pricing.LineRequest;
import java.util.List;

/**
 * A validated {@code PATCH /orders/{orderId}} request: a new shipping address and/or a new list of
 * line items (which replaces the old one and is re-priced). Null means "unchanged". Unit prices
 * are checked against the order's currency once the order is loaded.
 */
public record OrderEdit(Address shippingAddress, List<LineRequest> items) {
}

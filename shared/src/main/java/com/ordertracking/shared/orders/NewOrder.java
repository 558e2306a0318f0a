package com.ordertracking.shared.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Buyer;
import com.ordertracking.shared.domain.Pricing.DiscountRequest;
import com.ordertracking.shared.domain.Pricing.LineRequest;
import com.ordertracking.shared.validation.JsonFields;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/** A validated {@code POST /orders} body. */
public record NewOrder(
        Buyer buyer,
        Currency currency,
        List<LineRequest> items,
        Address shippingAddress,
        DiscountRequest discount,
        BigDecimal shippingFee,
        String couponCode) {

    private static final Set<String> FIELDS =
            Set.of("buyer", "currency", "items", "shippingAddress", "discount", "shippingFee", "couponCode");

    /** Validates the whole body, throwing a {@code ValidationException} naming every bad field. */
    public static NewOrder parse(JsonNode body) {
        JsonFields fields = JsonFields.root(body);
        fields.throwIfInvalid();
        fields.rejectUnknown(FIELDS);
        Buyer buyer = OrderRequests.buyer(fields.requiredObject("buyer"));
        Currency currency = OrderRequests.currency(fields);
        List<LineRequest> items = OrderRequests.lines(fields, currency);
        Address address = OrderRequests.address(fields.requiredObject("shippingAddress"));
        DiscountRequest discount = OrderRequests.discount(fields.optionalObject("discount"), currency);
        BigDecimal shippingFee = OrderRequests.amount(fields, "shippingFee", currency, false);
        String couponCode = OrderRequests.couponCode(fields, "couponCode", false);
        if (couponCode != null && fields.has("discount")) {
            fields.error("couponCode", "cannot be combined with discount; give one or the other");
        }
        fields.throwIfInvalid();
        return new NewOrder(buyer, currency, items, address, discount, shippingFee, couponCode);
    }
}

package com.ordertracking.shared.adapters.http.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.http.JsonFields;
import com.ordertracking.shared.application.order.NewCoupon;
import com.ordertracking.shared.application.order.NewOrder;
import com.ordertracking.shared.application.order.OrderEdit;
import com.ordertracking.shared.application.order.ReturnShipmentService;
import com.ordertracking.shared.application.order.ShipRequest;
import com.ordertracking.shared.application.tracking.TrackingConfig;
import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Buyer;
import com.ordertracking.shared.domain.Compensation;
import com.ordertracking.shared.domain.Pricing.DiscountRequest;
import com.ordertracking.shared.domain.Pricing.LineRequest;
import com.ordertracking.shared.domain.tracking.TrackingNumbers;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Request bodies of the seller's order routes, read into application commands. Each validates the whole
 * body and throws a {@code ValidationException} naming every bad field.
 */
public final class OrderBodies {
    private static final Set<String> NEW_ORDER_FIELDS =
            Set.of("buyer", "currency", "items", "shippingAddress", "discount", "shippingFee", "couponCode");
    private static final Set<String> SHIP_FIELDS = Set.of("carrier", "trackingNumber", "estimatedDelivery");
    private static final Set<String> COUPON_FIELDS = Set.of("code", "description", "percentOff", "amountOff",
            "currency", "validFrom", "validUntil", "minQuantity", "maxRedemptions", "maxRedemptionsPerBuyer");
    private static final Set<String> COMPENSATION_FIELDS = Set.of("type", "percentOff", "amountOff");

    private OrderBodies() {
    }

    /** {@code POST /orders}. */
    public static NewOrder newOrder(JsonNode body) {
        JsonFields fields = open(body, NEW_ORDER_FIELDS);
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

    /** {@code PATCH /orders/{orderId}}. */
    public static OrderEdit edit(JsonNode body) {
        JsonFields fields = open(body, Set.of("shippingAddress", "items"));
        Address address = OrderRequests.address(fields.optionalObject("shippingAddress"));
        List<LineRequest> items = fields.has("items") ? OrderRequests.lines(fields, null) : null;
        if (!fields.has("shippingAddress") && !fields.has("items") && fields.isValid()) {
            fields.error("shippingAddress", "give shippingAddress, items or both");
        }
        fields.throwIfInvalid();
        return new OrderEdit(address, items);
    }

    /** {@code POST /orders/{orderId}/ship}: the carrier must be one {@code config} knows. */
    public static ShipRequest ship(JsonNode body, TrackingConfig config) {
        JsonFields fields = open(body, SHIP_FIELDS);
        String carrier = carrier(fields, config);
        String trackingNumber = trackingNumber(fields);
        Instant eta = fields.optionalTime("estimatedDelivery");
        fields.throwIfInvalid();
        return new ShipRequest(carrier, trackingNumber, eta);
    }

    /** {@code POST /orders/{orderId}/returns/{returnId}/shipment} (and the buyer's): {@code {carrier, trackingNumber}}. */
    public static ReturnShipmentService.Parcel returnShipment(JsonNode body, TrackingConfig config) {
        JsonFields fields = open(body, Set.of("carrier", "trackingNumber"));
        String carrier = carrier(fields, config);
        String trackingNumber = trackingNumber(fields);
        fields.throwIfInvalid();
        return new ReturnShipmentService.Parcel(carrier, trackingNumber);
    }

    /** A carrier slug {@code config} knows, lower-cased. */
    private static String carrier(JsonFields fields, TrackingConfig config) {
        String carrier = fields.requiredText("carrier", 32);
        if (carrier != null) {
            carrier = carrier.toLowerCase(Locale.ROOT);
            if (!config.knows(carrier)) {
                fields.error("carrier", "must be one of " + String.join(", ", config.carriers().stream().sorted().toList()));
            }
        }
        return carrier;
    }

    /** A tracking number, normalized ({@link TrackingNumbers}). */
    private static String trackingNumber(JsonFields fields) {
        String trackingNumber = fields.requiredText("trackingNumber", 80);
        if (trackingNumber != null) {
            trackingNumber = TrackingNumbers.normalize(trackingNumber);
            if (!TrackingNumbers.isValid(trackingNumber)) {
                fields.error("trackingNumber", "must be 4 to 64 letters, digits or dashes");
            }
        }
        return trackingNumber;
    }

    /** {@code POST /orders/{orderId}/cancel {reason}}. */
    public static String cancelReason(JsonNode body) {
        JsonFields fields = open(body, Set.of("reason"));
        String reason = fields.requiredText("reason", 500);
        fields.throwIfInvalid();
        return reason;
    }

    /** {@code POST /coupons}; the validity window must end after it starts and after {@code now}. */
    public static NewCoupon coupon(JsonNode body, Instant now) {
        JsonFields fields = open(body, COUPON_FIELDS);
        String code = OrderRequests.couponCode(fields, "code", true);
        String description = fields.optionalText("description", 200);
        Currency currency = fields.has("currency") ? OrderRequests.currency(fields) : null;
        OrderRequests.Off off = OrderRequests.percentOrAmountOff(fields, currency);
        if (off.amountOff() != null && !fields.has("currency")) {
            fields.error("currency", "is required with amountOff");
        }
        Instant validFrom = OrderRequests.instant(fields, "validFrom", false);
        Instant validUntil = OrderRequests.instant(fields, "validUntil", true);
        if (validUntil != null && !validUntil.isAfter(validFrom == null ? now : validFrom)) {
            fields.error("validUntil", "must be after validFrom");
        } else if (validUntil != null && !validUntil.isAfter(now)) {
            fields.error("validUntil", "must be in the future");
        }
        Integer minQuantity = fields.optionalInt("minQuantity", 1, OrderRequests.MAX_QUANTITY);
        Integer maxRedemptions = fields.optionalInt("maxRedemptions", 1, 10_000_000);
        Integer perBuyer = fields.optionalInt("maxRedemptionsPerBuyer", 1, 10_000);
        fields.throwIfInvalid();
        return new NewCoupon(code, description, off.percentOff(), off.amountOff(), currency, validFrom, validUntil,
                minQuantity == null ? 1 : minQuantity, maxRedemptions, perBuyer);
    }

    /** {@code POST /orders/{orderId}/compensations}; the amount's decimals are checked against the order's currency. */
    public static OrderRequests.Off compensation(JsonNode body) {
        JsonFields fields = open(body, COMPENSATION_FIELDS);
        String type = fields.requiredText("type", 20);
        if (type != null && !type.equals(Compensation.COUPON)) {
            fields.error("type", "must be \"coupon\"");
        }
        OrderRequests.Off off = OrderRequests.percentOrAmountOff(fields, null);
        fields.throwIfInvalid();
        return off;
    }

    private static JsonFields open(JsonNode body, Set<String> allowed) {
        JsonFields fields = JsonFields.root(body);
        fields.throwIfInvalid();
        fields.rejectUnknown(allowed);
        return fields;
    }
}

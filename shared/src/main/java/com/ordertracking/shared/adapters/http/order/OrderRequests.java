package com.ordertracking.shared.adapters.http.order;

import com.ordertracking.shared.adapters.http.JsonFields;
import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Buyer;
import com.ordertracking.shared.domain.Money;
import com.ordertracking.shared.domain.Pricing.DiscountRequest;
import com.ordertracking.shared.domain.Pricing.LineRequest;
import com.ordertracking.shared.domain.validation.Formats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads and validates the parts of order requests shared by several routes. */
public final class OrderRequests {
    static final int MAX_ITEMS = 100;
    public static final int MAX_QUANTITY = 10_000;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    private OrderRequests() {
    }

    public static Buyer buyer(JsonFields buyer) {
        if (buyer == null) {
            return null;
        }
        buyer.rejectUnknown(Set.of("id", "name", "email", "phone"));
        String id = buyer.requiredText("id", 128);
        String name = buyer.requiredText("name", 200);
        String email = buyer.optionalText("email", 254);
        String phone = buyer.optionalText("phone", 16);
        if (email != null && !Formats.isEmail(email)) {
            buyer.error("email", "must be an email address");
        }
        if (phone != null && !Formats.isE164(phone)) {
            buyer.error("phone", "must be an E.164 phone number, e.g. +14155550123");
        }
        return new Buyer(id, name, email, phone);
    }

    public static Address address(JsonFields address) {
        if (address == null) {
            return null;
        }
        address.rejectUnknown(Set.of("name", "line1", "line2", "city", "region", "postalCode", "country", "phone"));
        String name = address.requiredText("name", 200);
        String line1 = address.requiredText("line1", 200);
        String line2 = address.optionalText("line2", 200);
        String city = address.requiredText("city", 100);
        String region = address.optionalText("region", 100);
        String country = address.requiredText("country", 2);
        String postalCode = address.optionalText("postalCode", 20);
        String phone = address.optionalText("phone", 16);
        if (country != null && !Formats.isCountryCode(country)) {
            address.error("country", "must be an ISO 3166-1 alpha-2 country code in upper case, e.g. US");
        } else if (country != null && postalCode == null && Formats.requiresPostalCode(country)) {
            address.error("postalCode", "is required for addresses in " + country);
        }
        if (phone != null && !Formats.isE164(phone)) {
            address.error("phone", "must be an E.164 phone number, e.g. +14155550123");
        }
        return new Address(name, line1, line2, city, region, postalCode, country, phone);
    }

    /** The currency code, or null (with an error recorded) when missing or unknown. */
    public static Currency currency(JsonFields body) {
        String code = body.requiredText("currency", 3);
        if (code == null) {
            return null;
        }
        if (!Formats.isCurrencyCode(code)) {
            body.error("currency", "must be an ISO 4217 currency code, e.g. USD");
            return null;
        }
        return Currency.getInstance(code);
    }

    public static List<LineRequest> lines(JsonFields body, Currency currency) {
        List<LineRequest> lines = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        for (JsonFields item : body.requiredObjectArray("items", 1, MAX_ITEMS)) {
            item.rejectUnknown(Set.of("sku", "name", "quantity", "unitPrice"));
            String sku = item.requiredText("sku", 64);
            String name = item.requiredText("name", 200);
            Integer quantity = item.requiredInt("quantity", 1, MAX_QUANTITY);
            BigDecimal unitPrice = amount(item, "unitPrice", currency, true);
            if (sku != null && !skus.add(sku)) {
                item.error("sku", "appears more than once; combine the quantities in one line");
            }
            if (sku != null && name != null && quantity != null && unitPrice != null) {
                lines.add(new LineRequest(sku, name, quantity, unitPrice));
            }
        }
        return lines;
    }

    /** A non-negative amount with no more decimals than the currency has. */
    public static BigDecimal amount(JsonFields fields, String name, Currency currency, boolean required) {
        BigDecimal value = required ? fields.requiredDecimal(name) : fields.optionalDecimal(name);
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            fields.error(name, "must not be negative");
            return null;
        }
        if (value.compareTo(MAX_AMOUNT) >= 0) {
            fields.error(name, "must be less than " + MAX_AMOUNT.toPlainString());
            return null;
        }
        if (currency != null && !Money.fitsMinorUnit(value, currency)) {
            fields.error(name, "has more decimals than " + currency.getCurrencyCode() + " allows ("
                    + currency.getDefaultFractionDigits() + ")");
            return null;
        }
        // Canonical scale ("12.5", "12.50" and 12.5 are one amount), so equal requests hash equally.
        return currency == null ? value : new Money(value, currency).amount();
    }

    private static final java.util.regex.Pattern COUPON_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{3,32}");

    /** A coupon code: 3–32 letters, digits, '-' or '_', case-insensitive (returned in upper case). */
    public static String couponCode(JsonFields fields, String name, boolean required) {
        String code = required ? fields.requiredText(name, 32) : fields.optionalText(name, 32);
        if (code == null) {
            return null;
        }
        if (!COUPON_CODE.matcher(code).matches()) {
            fields.error(name, "must be 3 to 32 letters, digits, '-' or '_'");
            return null;
        }
        return code.toUpperCase(java.util.Locale.ROOT);
    }

    /** An ISO-8601 time with an offset, inside the accepted window. */
    public static java.time.Instant instant(JsonFields fields, String name, boolean required) {
        return required ? fields.requiredTime(name) : fields.optionalTime(name);
    }

    public static DiscountRequest discount(JsonFields discount, Currency currency) {
        if (discount == null) {
            return null;
        }
        discount.rejectUnknown(Set.of("description", "percentOff", "amountOff"));
        String description = discount.optionalText("description", 200);
        int errorsBefore = discount.errors().size();
        Off off = percentOrAmountOff(discount, currency);
        if (discount.errors().size() != errorsBefore) {
            return null;
        }
        return new DiscountRequest(null, description, off.percentOff() == null ? null : canonical(off.percentOff()),
                off.amountOff());
    }

    /** A reduction: exactly one of a percentage (0 < p ≤ 100) or an amount ({@code > 0}). */
    public record Off(BigDecimal percentOff, BigDecimal amountOff) {
    }

    /**
     * The one percent-or-amount-off rule of discounts, coupons and compensations: {@code percentOff} and
     * {@code amountOff} of {@code fields}, exactly one given; mistakes are recorded in {@code fields}.
     * A null {@code currency} leaves the amount's decimals to be checked once the currency is known.
     */
    public static Off percentOrAmountOff(JsonFields fields, Currency currency) {
        BigDecimal percentOff = fields.optionalDecimal("percentOff");
        BigDecimal amountOff = amount(fields, "amountOff", currency, false);
        if (fields.has("percentOff") == fields.has("amountOff")) {
            fields.error("percentOff", "give exactly one of percentOff or amountOff");
        }
        if (percentOff != null && (percentOff.signum() <= 0 || percentOff.compareTo(BigDecimal.valueOf(100)) > 0)) {
            fields.error("percentOff", "must be greater than 0 and at most 100");
        }
        if (amountOff != null && amountOff.signum() == 0) {
            fields.error("amountOff", "must be greater than 0");
        }
        return new Off(percentOff, amountOff);
    }

    /** The shortest plain form of a number ("10.0" and "1E+1" become "10"), for stable hashing. */
    private static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}

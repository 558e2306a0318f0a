package com.ordertracking.shared.application.order;

import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Buyer;
import com.ordertracking.shared.domain.Pricing.DiscountRequest;
import com.ordertracking.shared.domain.Pricing.LineRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;

/** A validated {@code POST /orders} request (parsed by the HTTP adapter). */
public record NewOrder(
        Buyer buyer,
        Currency currency,
        List<LineRequest> items,
        Address shippingAddress,
        DiscountRequest discount,
        BigDecimal shippingFee,
        String couponCode) {

    /**
     * SHA-256 of an unambiguous encoding of the validated request (component names, length-prefixed
     * values): equal requests, however formatted, have equal fingerprints; any changed field changes it.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder();
        encode(this, canonical);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void encode(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append('~');
            case Record record -> {
                out.append('{');
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    out.append(component.getName()).append('=');
                    encode(read(component, record), out);
                    out.append(';');
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                list.forEach(element -> encode(element, out));
                out.append(']');
            }
            case BigDecimal number -> scalar(number.toPlainString(), out);
            default -> scalar(value.toString(), out);
        }
    }

    private static void scalar(String text, StringBuilder out) {
        out.append(text.length()).append(':').append(text);
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component, e);
        }
    }
}

package com.ordertracking.shared.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.application.FieldError;
import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.domain.validation.Times;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Strict, error-collecting reader over one JSON object of a request body. Every accessor records
 * a {@link FieldError} (with the full path of the field) instead of throwing, so a client learns
 * about all its mistakes in one response. Call {@link #throwIfInvalid()} at the end.
 */
public final class JsonFields {
    private final JsonNode node;
    private final String path;
    private final List<FieldError> errors;

    private JsonFields(JsonNode node, String path, List<FieldError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /** The top-level object of a body; a non-object body is itself an error. */
    public static JsonFields root(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            errors.add(new FieldError("body", "must be a JSON object"));
        }
        return new JsonFields(body, "", errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** The object itself, for fields read leniently (as carriers' optional text is). */
    public JsonNode node() {
        return node;
    }

    /** The full path of a field of this object, e.g. {@code shippingAddress.country}. */
    public String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public void error(String name, String message) {
        errors.add(new FieldError(path(name), message));
    }

    public boolean has(String name) {
        return isObject() && node.has(name) && !node.get(name).isNull();
    }

    /** Unknown fields are errors: our own API is strict so typos never pass silently. */
    public void rejectUnknown(Set<String> allowed) {
        if (!isObject()) {
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                error(name, "is not a known field");
            }
        }
    }

    public String requiredText(String name, int maxLength) {
        if (!has(name)) {
            error(name, "is required");
            return null;
        }
        return text(name, maxLength);
    }

    public String optionalText(String name, int maxLength) {
        return has(name) ? text(name, maxLength) : null;
    }

    private String text(String name, int maxLength) {
        JsonNode value = node.get(name);
        if (!value.isTextual()) {
            error(name, "must be a string");
            return null;
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            error(name, "must not be blank");
            return null;
        }
        if (text.length() > maxLength) {
            error(name, "must be at most " + maxLength + " characters");
            return null;
        }
        return text;
    }

    /** A decimal given as a JSON number or a numeric string ("12.50"). */
    public BigDecimal requiredDecimal(String name) {
        if (!has(name)) {
            error(name, "is required");
            return null;
        }
        return optionalDecimal(name);
    }

    public BigDecimal optionalDecimal(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = node.get(name);
        BigDecimal decimal = null;
        if (value.isNumber()) {
            decimal = value.decimalValue();
        } else if (value.isTextual()) {
            String text = value.asText().strip();
            try {
                decimal = text.length() <= MAX_DECIMAL_TEXT ? new BigDecimal(text) : null;
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        if (decimal == null) {
            error(name, "must be a decimal number, e.g. 12.50");
            return null;
        }
        // Bound the size before any arithmetic: 1e-500000 is a valid BigDecimal that nothing can store or print.
        BigDecimal normalized = decimal.stripTrailingZeros();
        if (normalized.scale() > MAX_SCALE || normalized.precision() - normalized.scale() > MAX_INTEGER_DIGITS) {
            error(name, "must have at most " + MAX_INTEGER_DIGITS + " digits before and " + MAX_SCALE
                    + " after the decimal point");
            return null;
        }
        return decimal;
    }

    private static final int MAX_DECIMAL_TEXT = 64;
    private static final int MAX_SCALE = 6;
    private static final int MAX_INTEGER_DIGITS = 12;

    public Integer requiredInt(String name, int min, int max) {
        if (!has(name)) {
            error(name, "is required");
            return null;
        }
        return optionalInt(name, min, max);
    }

    public Integer optionalInt(String name, int min, int max) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = node.get(name);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            error(name, "must be a whole number");
            return null;
        }
        int number = value.intValue();
        if (number < min || number > max) {
            error(name, "must be between " + min + " and " + max);
            return null;
        }
        return number;
    }

    /** An ISO-8601 time with an offset, inside {@link Times}' window. */
    public java.time.Instant optionalTime(String name) {
        return has(name) ? time(name) : null;
    }

    public java.time.Instant requiredTime(String name) {
        if (!has(name)) {
            error(name, "is required");
            return null;
        }
        return time(name);
    }

    private java.time.Instant time(String name) {
        String text = text(name, 64);
        if (text == null) {
            return null;
        }
        java.util.Optional<java.time.Instant> time = Times.parse(text);
        if (time.isEmpty()) {
            error(name, Times.invalidMessage(text));
        }
        return time.orElse(null);
    }

    public Boolean optionalBoolean(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = node.get(name);
        if (!value.isBoolean()) {
            error(name, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    public JsonFields requiredObject(String name) {
        if (!has(name)) {
            error(name, "is required");
            return null;
        }
        return optionalObject(name);
    }

    public JsonFields optionalObject(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = node.get(name);
        if (!value.isObject()) {
            error(name, "must be an object");
            return null;
        }
        return new JsonFields(value, path(name), errors);
    }

    /** The elements of an array of objects, each a reader with its indexed path. */
    public List<JsonFields> requiredObjectArray(String name, int minSize, int maxSize) {
        if (!has(name)) {
            error(name, "is required");
            return List.of();
        }
        JsonNode value = node.get(name);
        if (!value.isArray()) {
            error(name, "must be an array");
            return List.of();
        }
        if (value.size() < minSize || value.size() > maxSize) {
            error(name, "must contain between " + minSize + " and " + maxSize + " entries");
            return List.of();
        }
        List<JsonFields> elements = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String elementPath = path(name) + "[" + i + "]";
            JsonNode element = value.get(i);
            if (!element.isObject()) {
                errors.add(new FieldError(elementPath, "must be an object"));
            } else {
                elements.add(new JsonFields(element, elementPath, errors));
            }
        }
        return elements;
    }

    /** An optional array of strings (at most {@code maxSize}); null when absent. */
    public List<String> optionalTextList(String name, int maxSize) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = node.get(name);
        if (!value.isArray()) {
            error(name, "must be an array of strings");
            return null;
        }
        if (value.size() > maxSize) {
            error(name, "must contain at most " + maxSize + " entries");
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                errors.add(new FieldError(path(name) + "[" + i + "]", "must be a string"));
            } else {
                texts.add(value.get(i).asText());
            }
        }
        return texts;
    }

    private boolean isObject() {
        return node != null && node.isObject();
    }
}

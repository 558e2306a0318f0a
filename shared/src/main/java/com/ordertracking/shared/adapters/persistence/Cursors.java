package com.ordertracking.shared.adapters.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.order.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque listing cursors: base64url (no padding) of the JSON of a query's exclusive start key, whose
 * attributes are all strings in this table. Decoding checks the shape (exactly the expected key
 * attributes, all strings, bounded size); the listing then checks the values belong to its own
 * partition and range, so an edited cursor is a 400, never another party's data or a 500.
 */
public final class Cursors {
    private static final int MAX_LENGTH = 2048;

    private Cursors() {
    }

    public static String encode(Map<String, AttributeValue> key) {
        Map<String, String> plain = new TreeMap<>();
        key.forEach((name, value) -> plain.put(name, value.s()));
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, AttributeValue> decode(String cursor, Set<String> attributes) {
        if (cursor.length() > MAX_LENGTH) {
            throw new InvalidCursorException("is too long");
        }
        JsonNode json;
        try {
            json = Json.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidCursorException("is not a cursor issued by this listing");
        }
        if (json == null || !json.isObject() || json.size() != attributes.size()) {
            throw new InvalidCursorException("is not a cursor issued by this listing");
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : attributes) {
            JsonNode value = json.get(name);
            if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
                throw new InvalidCursorException("is not a cursor issued by this listing");
            }
            key.put(name, AttributeValue.fromS(value.textValue()));
        }
        return key;
    }
}

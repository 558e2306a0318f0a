package com.ordertracking.shared.adapters.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts between JSON trees and DynamoDB attribute maps, so records are stored as native
 * DynamoDB maps (readable in the console, usable in conditions and stream images) without a
 * mapping framework. Nulls are omitted; numbers keep their exact decimal text.
 */
public final class AttributeValues {
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private AttributeValues() {
    }

    public static Map<String, AttributeValue> fromObject(JsonNode object) {
        if (!object.isObject()) {
            throw new IllegalArgumentException("Only JSON objects map to DynamoDB items");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        object.properties().forEach(field -> {
            if (!field.getValue().isNull()) {
                item.put(field.getKey(), from(field.getValue()));
            }
        });
        return item;
    }

    public static AttributeValue from(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> AttributeValue.fromS(node.textValue());
            case NUMBER -> AttributeValue.fromN(node.decimalValue().toPlainString());
            case BOOLEAN -> AttributeValue.fromBool(node.booleanValue());
            case NULL, MISSING -> AttributeValue.fromNul(true);
            case ARRAY -> {
                List<AttributeValue> values = new java.util.ArrayList<>();
                node.forEach(element -> values.add(from(element)));
                yield AttributeValue.fromL(values);
            }
            case OBJECT -> AttributeValue.fromM(fromObject(node));
            default -> throw new IllegalArgumentException("Unsupported JSON node " + node.getNodeType());
        };
    }

    public static ObjectNode toObject(Map<String, AttributeValue> item) {
        ObjectNode object = NODES.objectNode();
        item.forEach((name, value) -> object.set(name, toJson(value)));
        return object;
    }

    public static JsonNode toJson(AttributeValue value) {
        return switch (value.type()) {
            case S -> NODES.textNode(value.s());
            case N -> number(value.n());
            case BOOL -> NODES.booleanNode(value.bool());
            case NUL -> NODES.nullNode();
            case M -> toObject(value.m());
            case L -> {
                ArrayNode array = NODES.arrayNode();
                value.l().forEach(element -> array.add(toJson(element)));
                yield array;
            }
            case SS -> {
                ArrayNode array = NODES.arrayNode();
                value.ss().forEach(array::add);
                yield array;
            }
            case NS -> {
                ArrayNode array = NODES.arrayNode();
                value.ns().forEach(n -> array.add(number(n)));
                yield array;
            }
            case B -> NODES.binaryNode(value.b().asByteArray());
            case BS -> {
                ArrayNode array = NODES.arrayNode();
                value.bs().forEach(b -> array.add(NODES.binaryNode(b.asByteArray())));
                yield array;
            }
            default -> throw new IllegalArgumentException("Unsupported attribute type " + value.type());
        };
    }

    /** A DynamoDB number as an exact JSON number (integers as longs where they fit). */
    static JsonNode number(String text) {
        java.math.BigDecimal decimal = new java.math.BigDecimal(text);
        if (decimal.scale() <= 0 && decimal.precision() - decimal.scale() <= 18) {
            return NODES.numberNode(decimal.longValueExact());
        }
        return NODES.numberNode(decimal);
    }
}

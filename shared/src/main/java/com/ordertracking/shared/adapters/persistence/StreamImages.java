package com.ordertracking.shared.adapters.persistence;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Converts DynamoDB Stream images (the Lambda events library's {@code AttributeValue}, a different
 * class from the SDK's) to JSON trees, exactly as {@link AttributeValues#toObject} does for SDK
 * items, so the same JSON → domain conversion (e.g. {@link DynamoOrderRepository#toOrder(ObjectNode)})
 * serves both.
 */
public final class StreamImages {
    private StreamImages() {
    }

    public static ObjectNode toObject(Map<String, AttributeValue> image) {
        ObjectNode object = AttributeValues.NODES.objectNode();
        image.forEach((name, value) -> object.set(name, toJson(value)));
        return object;
    }

    public static JsonNode toJson(AttributeValue value) {
        if (value.getS() != null) {
            return AttributeValues.NODES.textNode(value.getS());
        }
        if (value.getN() != null) {
            return AttributeValues.number(value.getN());
        }
        if (value.getBOOL() != null) {
            return AttributeValues.NODES.booleanNode(value.getBOOL());
        }
        if (Boolean.TRUE.equals(value.getNULL())) {
            return AttributeValues.NODES.nullNode();
        }
        if (value.getM() != null) {
            return toObject(value.getM());
        }
        if (value.getL() != null) {
            ArrayNode array = AttributeValues.NODES.arrayNode();
            value.getL().forEach(element -> array.add(toJson(element)));
            return array;
        }
        if (value.getSS() != null) {
            ArrayNode array = AttributeValues.NODES.arrayNode();
            value.getSS().forEach(array::add);
            return array;
        }
        if (value.getNS() != null) {
            ArrayNode array = AttributeValues.NODES.arrayNode();
            value.getNS().forEach(n -> array.add(AttributeValues.number(n)));
            return array;
        }
        if (value.getB() != null) {
            return AttributeValues.NODES.binaryNode(bytes(value.getB()));
        }
        if (value.getBS() != null) {
            ArrayNode array = AttributeValues.NODES.arrayNode();
            value.getBS().forEach(b -> array.add(AttributeValues.NODES.binaryNode(bytes(b))));
            return array;
        }
        throw new IllegalArgumentException("Unsupported stream attribute value " + value);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}

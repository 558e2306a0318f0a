package com.ordertracking.shared.adapters.persistence.sellerwebhook;

import static com.ordertracking.shared.adapters.persistence.TableKeys.ENTITY;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.adapters.persistence.AttributeValues;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Records stored as native DynamoDB maps: the record's JSON plus its key and entity name, and back. */
final class JsonItems {
    private JsonItems() {
    }

    static Map<String, AttributeValue> item(Object record, Map<String, AttributeValue> key, String entity) {
        Map<String, AttributeValue> item = new HashMap<>(AttributeValues.fromObject(Json.tree(record)));
        item.putAll(key);
        item.put(ENTITY, AttributeValue.fromS(entity));
        return item;
    }

    /** The record of an item, ignoring the attributes that are not part of it (keys, entity, TTL, leases). */
    static <T> T read(Map<String, AttributeValue> item, Collection<String> notOfTheRecord, Class<T> type) {
        ObjectNode json = AttributeValues.toObject(item);
        json.remove(notOfTheRecord);
        return Json.convert(json, type);
    }
}

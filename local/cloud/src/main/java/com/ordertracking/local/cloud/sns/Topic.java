package com.ordertracking.local.cloud.sns;

import java.util.HashMap;
import java.util.Map;

/** Immutable topic state; changes replace the record in the broker's map. */
record Topic(String arn, String name, Map<String, String> attributes, long order) {
    Topic {
        attributes = Map.copyOf(attributes);
    }

    boolean fifo() {
        return "true".equalsIgnoreCase(attributes.get("FifoTopic"));
    }

    boolean contentBasedDeduplication() {
        return "true".equalsIgnoreCase(attributes.get("ContentBasedDeduplication"));
    }

    Topic withAttribute(String name, String value) {
        Map<String, String> changed = new HashMap<>(attributes);
        changed.put(name, value);
        return new Topic(arn, this.name, changed, order);
    }
}

package com.ordertracking.local.cloud.sns;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Immutable subscription state with its parsed filter policy; changes replace the record in the broker's map.
 */
record Subscription(String arn, String topicArn, String protocol, String endpoint, Map<String, String> attributes,
                    FilterPolicy filterPolicy, long order) {

    static final Set<String> SETTABLE = Set.of("DeliveryPolicy", "FilterPolicy", "FilterPolicyScope",
            "RawMessageDelivery", "RedrivePolicy", "SubscriptionRoleArn", "ReplayPolicy");

    Subscription {
        attributes = Map.copyOf(attributes);
    }

    /** Validates the attributes and parses the filter policy, throwing InvalidParameter as SNS does. */
    static Subscription create(String arn, String topicArn, String protocol, String endpoint,
                               Map<String, String> attributes, long order) {
        Map<String, String> kept = new HashMap<>();
        attributes.forEach((name, value) -> {
            if (!SETTABLE.contains(name)) {
                throw SnsException.invalidParameter("Attributes Reason: Unknown attribute " + name);
            }
            // An empty FilterPolicy removes the policy, as in SNS.
            if (!(name.equals("FilterPolicy") && value.isBlank())) {
                kept.put(name, value);
            }
        });
        String raw = kept.get("RawMessageDelivery");
        if (raw != null) {
            if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
                throw SnsException.invalidParameter("Attributes Reason: RawMessageDelivery: Invalid value [" + raw
                        + "]. Must be true or false.");
            }
            if (raw.equalsIgnoreCase("true") && !protocol.equals("sqs")) {
                throw SnsException.invalidParameter("Attributes Reason: Delivery protocol [" + protocol
                        + "] does not support raw message delivery.");
            }
            kept.put("RawMessageDelivery", raw.toLowerCase());
        }
        FilterPolicy policy = null;
        try {
            FilterPolicy.Scope scope = FilterPolicy.Scope.fromAttributeValue(kept.get("FilterPolicyScope"));
            if (kept.containsKey("FilterPolicy")) {
                policy = FilterPolicy.parse(kept.get("FilterPolicy"), scope);
            }
        } catch (IllegalArgumentException e) {
            throw SnsException.invalidParameter("Attributes Reason: FilterPolicy: " + e.getMessage());
        }
        return new Subscription(arn, topicArn, protocol, endpoint, kept, policy, order);
    }

    Subscription withAttribute(String name, String value) {
        if (!SETTABLE.contains(name)) {
            throw SnsException.invalidParameter("AttributeName");
        }
        Map<String, String> changed = new HashMap<>(attributes);
        changed.put(name, value == null ? "" : value);
        return create(arn, topicArn, protocol, endpoint, changed, order);
    }

    boolean rawMessageDelivery() {
        return "true".equals(attributes.get("RawMessageDelivery"));
    }

    /** The part after the topic ARN: doubles as the confirmation token. */
    String id() {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }
}

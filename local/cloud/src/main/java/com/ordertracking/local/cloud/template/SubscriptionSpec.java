package com.ordertracking.local.cloud.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An SNS subscription: an {@code AWS::SNS::Subscription} resource, or an entry of a topic's inline
 * {@code Subscription} list (logical id {@code Topic.Subscription[i]}, no filter or raw delivery there).
 *
 * @param endpoint          resolved endpoint; for {@code sqs} the queue ARN
 * @param filterPolicy      the filter policy as a JSON string (template may give an object or a string)
 * @param filterPolicyScope {@code MessageAttributes} (AWS default) or {@code MessageBody}
 */
public record SubscriptionSpec(
        String logicalId,
        String topicArn,
        String protocol,
        String endpoint,
        Optional<String> filterPolicy,
        String filterPolicyScope,
        boolean rawMessageDelivery,
        Optional<String> redrivePolicy) {

    /** Attributes for {@code Subscribe}/{@code SetSubscriptionAttributes}; only what the template sets. */
    public Map<String, String> attributes() {
        Map<String, String> out = new LinkedHashMap<>();
        filterPolicy.ifPresent(f -> {
            out.put("FilterPolicy", f);
            out.put("FilterPolicyScope", filterPolicyScope);
        });
        if (rawMessageDelivery) {
            out.put("RawMessageDelivery", "true");
        }
        redrivePolicy.ifPresent(r -> out.put("RedrivePolicy", r));
        return out;
    }
}

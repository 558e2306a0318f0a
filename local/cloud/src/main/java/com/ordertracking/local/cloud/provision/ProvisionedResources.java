package com.ordertracking.local.cloud.provision;

import com.ordertracking.local.cloud.template.TemplateResolver;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Provisioner} created or found, keyed by logical id, with the values the services actually
 * returned (real stream ARNs, queue URLs/ARNs). Feed it back with {@link #applyTo(TemplateResolver)} so
 * {@code GetAtt Table.StreamArn} and friends resolve to the real values.
 *
 * @param subscriptions logical id (or {@code Topic.Subscription[i]}) to subscription ARN
 * @param snsSkipped    true when the template has topics but no SnsClient was given
 */
public record ProvisionedResources(Map<String, Table> tables, Map<String, Queue> queues, Map<String, Topic> topics,
                                   Map<String, String> subscriptions, boolean snsSkipped) {

    public ProvisionedResources {
        tables = Map.copyOf(tables);
        queues = Map.copyOf(queues);
        topics = Map.copyOf(topics);
        subscriptions = Map.copyOf(subscriptions);
    }

    /** @param streamArn DescribeTable's LatestStreamArn, when the table has a stream */
    public record Table(String tableName, String arn, Optional<String> streamArn) {}

    public record Queue(String queueName, String url, String arn) {}

    public record Topic(String topicName, String arn) {}

    /** Per logical id, the attribute values to prefer over the resolver's computed ones. */
    public Map<String, Map<String, String>> physicalAttributes() {
        Map<String, Map<String, String>> out = new HashMap<>();
        tables.forEach((id, t) -> {
            Map<String, String> attrs = new HashMap<>(Map.of(TemplateResolver.REF, t.tableName(), "Arn", t.arn()));
            t.streamArn().ifPresent(s -> attrs.put("StreamArn", s));
            out.put(id, attrs);
        });
        queues.forEach((id, q) -> out.put(id, Map.of(TemplateResolver.REF, q.url(), "QueueUrl", q.url(),
                "Arn", q.arn(), "QueueName", q.queueName())));
        topics.forEach((id, t) -> out.put(id, Map.of(TemplateResolver.REF, t.arn(), "TopicArn", t.arn(),
                "TopicName", t.topicName())));
        return out;
    }

    /** The resolver answering Ref/GetAtt with the provisioned values. */
    public TemplateResolver applyTo(TemplateResolver resolver) {
        return resolver.withPhysicalAttributes(physicalAttributes());
    }
}

package com.ordertracking.local.cloud.template;

import java.util.Map;

/**
 * An {@code AWS::SNS::Topic}.
 *
 * @param attributes extra CreateTopic attributes from the template (DisplayName, KmsMasterKeyId,
 *                   SignatureVersion, TracingConfig, DeliveryPolicy as JSON...); FIFO flags are separate
 */
public record TopicSpec(String logicalId, String topicName, String arn, boolean fifo,
                        boolean contentBasedDeduplication, Map<String, String> attributes) {}

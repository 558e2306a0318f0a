package com.ordertracking.local.cloud.template;

import java.util.Optional;

/**
 * An {@code AWS::SQS::Queue} with AWS defaults filled in for absent properties.
 *
 * @param url the URL {@code Ref} returns: {@code {sqsEndpoint}/{accountId}/{queueName}}
 */
public record QueueSpec(
        String logicalId,
        String queueName,
        String url,
        String arn,
        boolean fifo,
        boolean contentBasedDeduplication,
        int visibilityTimeout,
        int messageRetentionPeriod,
        int delaySeconds,
        int receiveMessageWaitTimeSeconds,
        int maximumMessageSize,
        Optional<RedrivePolicy> redrivePolicy) {

    /** @param deadLetterTargetArn resolved ARN of the dead-letter queue */
    public record RedrivePolicy(String deadLetterTargetArn, int maxReceiveCount) {
        /** The JSON the SQS {@code RedrivePolicy} attribute expects. */
        public String toJson() {
            return "{\"deadLetterTargetArn\":\"" + deadLetterTargetArn + "\",\"maxReceiveCount\":" + maxReceiveCount + "}";
        }
    }
}

package com.ordertracking.local.runtime.sqs;

import java.time.Duration;
import java.util.Objects;

/**
 * An SQS event source mapping.
 *
 * @param batchSize                      1..10000 (Lambda's limits); more than 10 needs several receives
 * @param maximumBatchingWindowSeconds   how long to keep gathering a batch (0 = invoke with what one receive gave)
 * @param visibilityTimeoutSeconds       visibility timeout for received messages; null = the queue's own
 * @param failedMessageRetryDelay        after a failure, failed messages are made visible again after this delay
 *                                       (default 0 = retry at once, practical for dev); null = leave them invisible
 *                                       until the visibility timeout expires, which is exactly what Lambda does
 * @param waitTimeSeconds                long-poll wait per receive; small so {@code close()} is quick
 */
public record SqsEventSourceConfig(String functionName, String queueUrl, String queueArn, int batchSize,
                                   int maximumBatchingWindowSeconds, boolean reportBatchItemFailures,
                                   Integer visibilityTimeoutSeconds, Duration failedMessageRetryDelay,
                                   int waitTimeSeconds, String awsRegion) {

    public SqsEventSourceConfig {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(queueUrl, "queueUrl");
        batchSize = batchSize <= 0 ? 10 : Math.min(batchSize, 10_000);
        maximumBatchingWindowSeconds = Math.max(0, Math.min(maximumBatchingWindowSeconds, 300));
        waitTimeSeconds = waitTimeSeconds <= 0 ? 1 : Math.min(waitTimeSeconds, 20);
        awsRegion = awsRegion == null ? "us-east-1" : awsRegion;
        queueArn = queueArn == null ? arnFromUrl(queueUrl, awsRegion) : queueArn;
    }

    /** Defaults as SAM would give them: batch 10, no window, retry failed messages at once. */
    public static SqsEventSourceConfig of(String functionName, String queueUrl, boolean reportBatchItemFailures) {
        return new SqsEventSourceConfig(functionName, queueUrl, null, 10, 0, reportBatchItemFailures, null,
                Duration.ZERO, 1, null);
    }

    private static String arnFromUrl(String queueUrl, String region) {
        String name = queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
        return "arn:aws:sqs:" + region + ":000000000000:" + name;
    }
}

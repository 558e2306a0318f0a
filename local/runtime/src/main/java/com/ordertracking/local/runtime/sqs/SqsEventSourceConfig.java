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
 * @param waitTimeSeconds                long-poll wait per receive, 1..20 (Lambda's pollers wait 20 s); close()
 *                                       does not wait for it: a consumer blocked in a receive is interrupted
 * @param maximumConcurrency             ScalingConfig.MaximumConcurrency: most batches in flight at once (2..1000);
 *                                       0 = {@link #DEFAULT_MAXIMUM_CONCURRENCY}
 */
public record SqsEventSourceConfig(String functionName, String queueUrl, String queueArn, int batchSize,
                                   int maximumBatchingWindowSeconds, boolean reportBatchItemFailures,
                                   Integer visibilityTimeoutSeconds, Duration failedMessageRetryDelay,
                                   int waitTimeSeconds, String awsRegion, int maximumConcurrency) {

    /**
     * Concurrent consumers when the template sets no MaximumConcurrency: five, the number of pollers Lambda starts
     * an SQS mapping with (it then adds more as the backlog grows; locally five is enough to overlap the embedded
     * stack's work and keeps a laptop responsive). Mappings that declare {@code ScalingConfig.MaximumConcurrency}
     * scale to that. Cold concurrent batches no longer time out: invocations wait for an execution slot before their
     * timeout starts (see {@code ExecutionSlots} and docs/operations.md).
     */
    public static final int DEFAULT_MAXIMUM_CONCURRENCY = 5;

    public SqsEventSourceConfig {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(queueUrl, "queueUrl");
        batchSize = batchSize <= 0 ? 10 : Math.min(batchSize, 10_000);
        maximumBatchingWindowSeconds = Math.max(0, Math.min(maximumBatchingWindowSeconds, 300));
        waitTimeSeconds = waitTimeSeconds <= 0 ? 1 : Math.min(waitTimeSeconds, 20);
        awsRegion = awsRegion == null ? "us-east-1" : awsRegion;
        queueArn = queueArn == null ? arnFromUrl(queueUrl, awsRegion) : queueArn;
        maximumConcurrency = maximumConcurrency <= 0 ? DEFAULT_MAXIMUM_CONCURRENCY
                : Math.max(2, Math.min(maximumConcurrency, 1000));
    }

    /** Without ScalingConfig: {@link #DEFAULT_MAXIMUM_CONCURRENCY} consumers at most. */
    public SqsEventSourceConfig(String functionName, String queueUrl, String queueArn, int batchSize,
                                int maximumBatchingWindowSeconds, boolean reportBatchItemFailures,
                                Integer visibilityTimeoutSeconds, Duration failedMessageRetryDelay,
                                int waitTimeSeconds, String awsRegion) {
        this(functionName, queueUrl, queueArn, batchSize, maximumBatchingWindowSeconds, reportBatchItemFailures,
                visibilityTimeoutSeconds, failedMessageRetryDelay, waitTimeSeconds, awsRegion, 0);
    }

    /** Defaults as SAM would give them: batch 10, no window, retry failed messages at once. */
    public static SqsEventSourceConfig of(String functionName, String queueUrl, boolean reportBatchItemFailures) {
        return new SqsEventSourceConfig(functionName, queueUrl, null, 10, 0, reportBatchItemFailures, null,
                Duration.ZERO, 20, null, 0);
    }

    private static String arnFromUrl(String queueUrl, String region) {
        String name = queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
        return "arn:aws:sqs:" + region + ":000000000000:" + name;
    }
}

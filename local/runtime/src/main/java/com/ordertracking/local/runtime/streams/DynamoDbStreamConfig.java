package com.ordertracking.local.runtime.streams;

import java.time.Duration;
import java.util.Objects;

/**
 * A DynamoDB Streams event source mapping.
 *
 * @param streamArn                  the table's LatestStreamArn (see {@link DynamoDbStreamPoller#latestStreamArn})
 * @param batchSize                  1..10000 (Lambda default 100)
 * @param maximumBatchingWindowSeconds gather records this long before invoking (0 = invoke as soon as polled)
 * @param maximumRetryAttempts       -1 = retry until it succeeds (Lambda's default; blocks the shard)
 * @param onFailureQueueUrl          SQS queue receiving a batch description when retries are exhausted, or null
 * @param retryDelay                 pause between retries of a failing batch
 * @param pollInterval               pause between GetRecords rounds while records come (Lambda polls about 4 times
 *                                   a second)
 * @param maxIdleInterval            longest pause a quiet shard backs off to (doubling from pollInterval);
 *                                   {@link DynamoDbStreamPoller#wake()} cuts it short
 */
public record DynamoDbStreamConfig(String functionName, String streamArn, StartingPosition startingPosition,
                                   int batchSize, int maximumBatchingWindowSeconds, boolean bisectBatchOnFunctionError,
                                   int maximumRetryAttempts, boolean reportBatchItemFailures,
                                   String onFailureQueueUrl, String awsRegion, Duration retryDelay,
                                   Duration pollInterval, Duration maxIdleInterval) {

    public enum StartingPosition { LATEST, TRIM_HORIZON }

    public DynamoDbStreamConfig {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(streamArn, "streamArn");
        startingPosition = startingPosition == null ? StartingPosition.LATEST : startingPosition;
        batchSize = batchSize <= 0 ? 100 : Math.min(batchSize, 10_000);
        maximumBatchingWindowSeconds = Math.max(0, Math.min(maximumBatchingWindowSeconds, 300));
        maximumRetryAttempts = maximumRetryAttempts < 0 ? -1 : maximumRetryAttempts;
        awsRegion = awsRegion == null ? "us-east-1" : awsRegion;
        retryDelay = retryDelay == null ? Duration.ofMillis(200) : retryDelay;
        pollInterval = pollInterval == null ? Duration.ofMillis(250) : pollInterval;
        maxIdleInterval = maxIdleInterval == null ? Duration.ofSeconds(8) : maxIdleInterval;
        if (maxIdleInterval.compareTo(pollInterval) < 0) {
            maxIdleInterval = pollInterval;
        }
    }

    /** Backing off to 8 s when quiet (the runtime wakes pollers after every invocation, so only outside writes wait). */
    public DynamoDbStreamConfig(String functionName, String streamArn, StartingPosition startingPosition,
                                int batchSize, int maximumBatchingWindowSeconds, boolean bisectBatchOnFunctionError,
                                int maximumRetryAttempts, boolean reportBatchItemFailures,
                                String onFailureQueueUrl, String awsRegion, Duration retryDelay,
                                Duration pollInterval) {
        this(functionName, streamArn, startingPosition, batchSize, maximumBatchingWindowSeconds,
                bisectBatchOnFunctionError, maximumRetryAttempts, reportBatchItemFailures, onFailureQueueUrl, awsRegion,
                retryDelay, pollInterval, null);
    }

    /** SAM-like defaults: batch 100, no window, no bisect, infinite retries, no partial responses. */
    public static DynamoDbStreamConfig of(String functionName, String streamArn, StartingPosition position) {
        return new DynamoDbStreamConfig(functionName, streamArn, position, 100, 0, false, -1, false, null, null,
                null, null, null);
    }
}

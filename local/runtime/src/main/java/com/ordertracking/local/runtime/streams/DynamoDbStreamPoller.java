package com.ordertracking.local.runtime.streams;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ordertracking.local.runtime.invoke.FunctionInvocationException;
import com.ordertracking.local.runtime.invoke.HandlerInvoker;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import com.ordertracking.local.runtime.poll.PollingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Lambda's DynamoDB Streams poller for one event source mapping: one consumer (virtual thread) per shard, as Lambda
 * runs one concurrent batch per shard (ParallelizationFactor 1), plus one thread that discovers shards. Per shard,
 * records are delivered strictly in order and a shard's children only start after it is finished; the stream is
 * re-described every 30 s and at once when a shard closes. Checkpoints live in memory.
 *
 * <p>Polling: a shard is read every {@code pollInterval} (Lambda: about 4 times a second) while records come; each
 * empty read doubles the pause up to {@code maxIdleInterval}, and {@link #wake()} (the runtime calls it after every
 * function invocation, i.e. after anything that may have written) brings it back to {@code pollInterval}. A quiet
 * stream therefore costs one GetRecords per shard every few seconds instead of four a second.
 *
 * <p>Errors: a failing batch is retried; with bisect it is split in halves (each half carries the attempts so far);
 * with ReportBatchItemFailures the checkpoint moves to just before the lowest failed sequence number and processing
 * resumes there. When maximumRetryAttempts is exhausted the batch is described on the on-failure SQS queue
 * (Lambda's DDBStreamBatchInfo shape) and skipped.
 */
public final class DynamoDbStreamPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbStreamPoller.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DESCRIBE_INTERVAL = Duration.ofSeconds(30);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    private final DynamoDbStreamConfig config;
    private final DynamoDbStreamsClient streams;
    private final SqsClient onFailureSqs;
    private final HandlerInvoker function;
    private final Map<String, ShardState> shards = new ConcurrentHashMap<>();
    private final PollingLoop discovery;
    private volatile boolean ready;
    private boolean firstDescribe = true;

    /** One shard and its consumer; all fields but {@code checkpoint} and {@code done} belong to that consumer. */
    private final class ShardState {
        final String shardId;
        final String parentShardId;
        final PollingLoop loop;
        String iterator;
        ShardIteratorType initialPosition;
        String lastFetchedSequence;
        volatile String checkpoint;
        boolean ended;
        /** Ended and every record handled: children may start, and this consumer stops. */
        volatile boolean done;
        final List<Record> buffer = new ArrayList<>();
        long bufferSinceNanos;
        Duration idlePause = config.pollInterval();

        ShardState(String shardId, String parentShardId, ShardIteratorType initialPosition) {
            this.shardId = shardId;
            this.parentShardId = parentShardId;
            this.initialPosition = initialPosition;
            this.loop = new PollingLoop("ddb-stream-" + config.functionName() + "-" + shortId(shardId),
                    () -> round(this), CLOSE_GRACE);
        }
    }

    /** @param onFailureSqs used when {@code onFailureQueueUrl} is set; may be null otherwise */
    public DynamoDbStreamPoller(DynamoDbStreamConfig config, DynamoDbStreamsClient streams, SqsClient onFailureSqs,
                                HandlerInvoker function) {
        if (config.onFailureQueueUrl() != null && onFailureSqs == null) {
            throw new IllegalArgumentException("onFailureQueueUrl needs an SqsClient");
        }
        this.config = config;
        this.streams = streams;
        this.onFailureSqs = onFailureSqs;
        this.function = function;
        this.discovery = new PollingLoop("ddb-stream-shards-" + config.functionName(), this::discoveryRound,
                CLOSE_GRACE);
    }

    /** The stream ARN the template's {@code !GetAtt Table.StreamArn} would resolve to. */
    public static String latestStreamArn(DynamoDbClient dynamoDb, String tableName) {
        String arn = dynamoDb.describeTable(b -> b.tableName(tableName)).table().latestStreamArn();
        if (arn == null) {
            throw new IllegalStateException("table " + tableName + " has no stream enabled");
        }
        return arn;
    }

    public DynamoDbStreamConfig config() {
        return config;
    }

    /** True once shards were described and iterators taken, i.e. a LATEST mapping now sees new writes. */
    public boolean isReady() {
        return ready;
    }

    public DynamoDbStreamPoller start() {
        discovery.start();
        return this;
    }

    /** Something may have been written: poll every shard soon (within {@code pollInterval}) instead of backing off. */
    public void wake() {
        for (ShardState shard : shards.values()) {
            shard.loop.wake();
        }
    }

    @Override
    public void close() {
        discovery.stop();
        shards.values().forEach(s -> s.loop.stop());
        discovery.close();
        shards.values().forEach(s -> s.loop.close());
    }

    private void discoveryRound() {
        try {
            describe();
            ready = true;
            discovery.pause(DESCRIBE_INTERVAL, Duration.ZERO);
        } catch (SdkException e) {
            if (!discovery.isRunning()) {
                return;
            }
            LOG.warn("{}: describing the stream failed: {}", config.functionName(), e.getMessage());
            discovery.pause(Duration.ofSeconds(1));
        } catch (RuntimeException e) {
            LOG.error("{}: stream poller error", config.functionName(), e);
            discovery.pause(Duration.ofSeconds(1));
        }
    }

    private void describe() {
        List<ShardState> added = new ArrayList<>();
        String exclusiveStart = null;
        do {
            String start = exclusiveStart;
            var description = streams.describeStream(b -> b.streamArn(config.streamArn())
                    .exclusiveStartShardId(start)).streamDescription();
            for (Shard shard : description.shards()) {
                if (!shards.containsKey(shard.shardId())) {
                    added.add(newShard(shard));
                }
            }
            exclusiveStart = description.lastEvaluatedShardId();
        } while (exclusiveStart != null);
        for (ShardState shard : added) {
            if (firstDescribe && shard.initialPosition == ShardIteratorType.LATEST && !shard.ended) {
                shard.iterator = iterator(shard); // taken now, so isReady() means "sees every later write"
            }
            shards.put(shard.shardId, shard);
            if (discovery.isRunning()) {
                shard.loop.start();
            }
        }
        firstDescribe = false;
    }

    private ShardState newShard(Shard shard) {
        // Shards that appear later are new data: always read them from the start.
        boolean closed = shard.sequenceNumberRange() != null
                && shard.sequenceNumberRange().endingSequenceNumber() != null;
        if (firstDescribe && config.startingPosition() == DynamoDbStreamConfig.StartingPosition.LATEST) {
            var state = new ShardState(shard.shardId(), shard.parentShardId(), ShardIteratorType.LATEST);
            state.ended = closed; // LATEST skips everything already in closed shards
            state.done = closed;
            return state;
        }
        return new ShardState(shard.shardId(), shard.parentShardId(), ShardIteratorType.TRIM_HORIZON);
    }

    /** One round of a shard's consumer: fetch (once the parent is done), dispatch ready batches, pace. */
    private void round(ShardState shard) {
        try {
            if (shard.done) {
                shard.loop.stop();
                return;
            }
            ShardState parent = shard.parentShardId == null ? null : shards.get(shard.parentShardId);
            if (parent != null && !parent.done) {
                shard.loop.pause(config.pollInterval()); // parent first, to keep per-key order across splits
                return;
            }
            boolean fetched = false;
            if (!shard.ended && shard.buffer.size() < config.batchSize()) {
                fetched = fetch(shard);
            }
            while (!shard.buffer.isEmpty() && batchReady(shard) && shard.loop.isRunning()) {
                List<Record> batch = new ArrayList<>(shard.buffer.subList(0, Math.min(config.batchSize(),
                        shard.buffer.size())));
                process(shard, batch, 0);
                shard.buffer.subList(0, batch.size()).clear();
                shard.bufferSinceNanos = System.nanoTime();
            }
            if (shard.ended && shard.buffer.isEmpty()) {
                shard.done = true;
                discovery.wake(); // a closed shard usually means children to discover
                return;
            }
            if (fetched || !shard.buffer.isEmpty()) {
                shard.idlePause = config.pollInterval();
                if (!fetched) {
                    shard.loop.pause(config.pollInterval()); // gathering a batching window
                }
                return;
            }
            shard.loop.pause(shard.idlePause, config.pollInterval());
            Duration doubled = shard.idlePause.multipliedBy(2);
            shard.idlePause = doubled.compareTo(config.maxIdleInterval()) > 0 ? config.maxIdleInterval() : doubled;
        } catch (SdkException e) {
            if (!shard.loop.isRunning()) {
                return;
            }
            LOG.warn("{}: polling shard {} failed: {}", config.functionName(), shard.shardId, e.getMessage());
            shard.loop.pause(Duration.ofSeconds(1));
        } catch (RuntimeException e) {
            LOG.error("{}: stream poller error", config.functionName(), e);
            shard.loop.pause(Duration.ofSeconds(1));
        }
    }

    private boolean batchReady(ShardState shard) {
        return shard.buffer.size() >= config.batchSize() || shard.ended
                || System.nanoTime() - shard.bufferSinceNanos
                >= Duration.ofSeconds(config.maximumBatchingWindowSeconds()).toNanos();
    }

    private boolean fetch(ShardState shard) {
        if (shard.iterator == null) {
            shard.iterator = iterator(shard);
        }
        try {
            var response = streams.getRecords(b -> b.shardIterator(shard.iterator)
                    .limit(Math.min(1000, config.batchSize())));
            shard.iterator = response.nextShardIterator();
            if (shard.iterator == null) {
                shard.ended = true;
            }
            if (response.records().isEmpty()) {
                return false;
            }
            if (shard.buffer.isEmpty()) {
                shard.bufferSinceNanos = System.nanoTime();
            }
            shard.buffer.addAll(response.records());
            shard.lastFetchedSequence = response.records().getLast().dynamodb().sequenceNumber();
            return true;
        } catch (ExpiredIteratorException e) {
            shard.iterator = null; // re-taken after the last fetched record
            return false;
        } catch (TrimmedDataAccessException e) {
            LOG.warn("{}: shard {} trimmed past checkpoint, restarting at TRIM_HORIZON", config.functionName(),
                    shard.shardId);
            shard.lastFetchedSequence = null;
            shard.initialPosition = ShardIteratorType.TRIM_HORIZON;
            shard.iterator = null;
            return false;
        }
    }

    private String iterator(ShardState shard) {
        if (shard.lastFetchedSequence != null) {
            return streams.getShardIterator(b -> b.streamArn(config.streamArn()).shardId(shard.shardId)
                    .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                    .sequenceNumber(shard.lastFetchedSequence)).shardIterator();
        }
        return streams.getShardIterator(b -> b.streamArn(config.streamArn()).shardId(shard.shardId)
                .shardIteratorType(shard.initialPosition)).shardIterator();
    }

    /** Delivers {@code batch} until it succeeds, is exhausted to the on-failure destination, or we stop. */
    private void process(ShardState shard, List<Record> batch, int attemptsSoFar) {
        List<Record> remaining = batch;
        int attempts = attemptsSoFar;
        while (shard.loop.isRunning() && !remaining.isEmpty()) {
            Failure failure = invoke(remaining);
            if (failure == null) {
                shard.checkpoint = lastSequence(remaining);
                return;
            }
            if (failure.fromIndex() > 0) {
                // Partial response: everything before the first failed record is done.
                shard.checkpoint = remaining.get(failure.fromIndex() - 1).dynamodb().sequenceNumber();
                remaining = remaining.subList(failure.fromIndex(), remaining.size());
            }
            attempts++;
            if (config.maximumRetryAttempts() >= 0 && attempts > config.maximumRetryAttempts()) {
                sendToOnFailure(shard, remaining, attempts, failure.reason());
                shard.checkpoint = lastSequence(remaining);
                return;
            }
            shard.loop.pause(config.retryDelay());
            if (config.bisectBatchOnFunctionError() && failure.wholeBatch() && remaining.size() > 1) {
                int half = remaining.size() / 2;
                process(shard, remaining.subList(0, half), attempts);
                process(shard, remaining.subList(half, remaining.size()), attempts);
                return;
            }
        }
    }

    private static String shortId(String shardId) {
        return shardId.length() <= 12 ? shardId : shardId.substring(shardId.length() - 12);
    }

    /** Why and from which record a batch failed; null from {@link #invoke} means success. */
    private record Failure(int fromIndex, boolean wholeBatch, String reason) {
    }

    private Failure invoke(List<Record> records) {
        try {
            Object output = function.invoke(
                    StreamRecordConverter.toEvent(records, config.streamArn(), config.awsRegion()), "dynamodb-stream");
            if (!config.reportBatchItemFailures() || !(output instanceof StreamsEventResponse response)
                    || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
                return null;
            }
            int lowest = Integer.MAX_VALUE;
            for (var item : response.getBatchItemFailures()) {
                int index = indexOf(records, item.getItemIdentifier());
                if (index < 0) {
                    return new Failure(0, true, "invalid itemIdentifier " + item.getItemIdentifier());
                }
                lowest = Math.min(lowest, index);
            }
            return new Failure(lowest, false, "partial batch failure");
        } catch (FunctionInvocationException e) {
            return new Failure(0, true, e.getMessage());
        }
    }

    private static int indexOf(List<Record> records, String sequenceNumber) {
        if (sequenceNumber == null || sequenceNumber.isBlank()) {
            return -1;
        }
        BigInteger wanted;
        try {
            wanted = new BigInteger(sequenceNumber.trim());
        } catch (NumberFormatException e) {
            return -1; // not a sequence number: Lambda treats the whole batch as failed
        }
        for (int i = 0; i < records.size(); i++) {
            if (new BigInteger(records.get(i).dynamodb().sequenceNumber()).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private void sendToOnFailure(ShardState shard, List<Record> records, int attempts, String reason) {
        LOG.warn("{}: giving up on {} records of shard {} after {} attempts: {}", config.functionName(),
                records.size(), shard.shardId, attempts, reason);
        if (config.onFailureQueueUrl() == null) {
            return;
        }
        Map<String, Object> batchInfo = new LinkedHashMap<>();
        batchInfo.put("shardId", shard.shardId);
        batchInfo.put("startSequenceNumber", records.getFirst().dynamodb().sequenceNumber());
        batchInfo.put("endSequenceNumber", records.getLast().dynamodb().sequenceNumber());
        batchInfo.put("approximateArrivalOfFirstRecord", arrival(records.getFirst()));
        batchInfo.put("approximateArrivalOfLastRecord", arrival(records.getLast()));
        batchInfo.put("batchSize", records.size());
        batchInfo.put("streamArn", config.streamArn());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("requestContext", Map.of("requestId", UUID.randomUUID().toString(),
                "functionArn", "arn:aws:lambda:" + config.awsRegion() + ":000000000000:function:"
                        + config.functionName(),
                "condition", "RetryAttemptsExhausted", "approximateInvokeCount", attempts));
        // errorMessage is a local addition so the reason is visible without digging through logs.
        message.put("responseContext", Map.of("statusCode", 200, "executedVersion", "$LATEST",
                "functionError", "Unhandled", "errorMessage", String.valueOf(reason)));
        message.put("version", "1.0");
        message.put("timestamp", Instant.now().toString());
        message.put("DDBStreamBatchInfo", batchInfo);
        try {
            String body = JSON.writeValueAsString(message);
            onFailureSqs.sendMessage(b -> b.queueUrl(config.onFailureQueueUrl()).messageBody(body));
        } catch (Exception e) {
            LOG.error("{}: could not send failure record to {}", config.functionName(), config.onFailureQueueUrl(), e);
        }
    }

    private static String arrival(Record record) {
        Instant created = record.dynamodb().approximateCreationDateTime();
        return created == null ? null : created.toString();
    }

    private static String lastSequence(List<Record> records) {
        return records.getLast().dynamodb().sequenceNumber();
    }

    /** Current checkpoints (shard id → last sequence number handled), for diagnostics and /_local endpoints. */
    public Map<String, String> checkpoints() {
        Map<String, String> out = new LinkedHashMap<>();
        List.copyOf(shards.values()).forEach(s -> out.put(s.shardId, s.checkpoint));
        return out;
    }

}

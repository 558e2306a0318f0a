package com.ordertracking.local.runtime.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ordertracking.local.runtime.invoke.FunctionInvocationException;
import com.ordertracking.local.runtime.invoke.HandlerInvoker;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * Lambda's SQS poller for one event source mapping. Like Lambda it scales with the backlog: one consumer long-polls
 * while the queue is quiet; every consumer that receives a non-empty batch starts another (up to
 * {@link SqsEventSourceConfig#maximumConcurrency()}), and a consumer whose long poll comes back empty retires unless
 * it is the last. Each consumer, on its own virtual thread: long-poll, build an {@link SQSEvent}, invoke, delete what
 * succeeded. A handler exception deletes nothing; with ReportBatchItemFailures only the {@code itemIdentifier}s
 * returned in {@link SQSBatchResponse} stay (an unknown or empty identifier fails the whole batch, as in Lambda).
 * Messages that keep failing reach the DLQ through the queue's own RedrivePolicy, which ElasticMQ applies on receive.
 * Errors back off exponentially (0.5 s doubling to 10 s), so a stopped ElasticMQ is not hammered.
 */
public final class SqsEventSourcePoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSourcePoller.class);
    private static final Duration FIRST_ERROR_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_ERROR_BACKOFF = Duration.ofSeconds(10);
    /** On close, how long in-flight batches may finish (their deletes matter) before they are interrupted. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    private final SqsEventSourceConfig config;
    private final SqsClient sqs;
    private final HandlerInvoker function;
    private final Set<Consumer> consumers = new HashSet<>(); // guarded by this
    private final AtomicInteger consumersStarted = new AtomicInteger();
    private volatile boolean running;

    public SqsEventSourcePoller(SqsEventSourceConfig config, SqsClient sqs, HandlerInvoker function) {
        this.config = config;
        this.sqs = sqs;
        this.function = function;
    }

    public SqsEventSourceConfig config() {
        return config;
    }

    public SqsEventSourcePoller start() {
        synchronized (this) {
            if (running) {
                return this;
            }
            running = true;
        }
        scaleOut();
        return this;
    }

    /** Consumers polling or processing right now (1 while the queue is quiet). */
    public synchronized int consumers() {
        return consumers.size();
    }

    /** Consumers started since {@link #start()}, including retired ones (how far the mapping scaled out). */
    public int consumersStarted() {
        return consumersStarted.get();
    }

    @Override
    public void close() {
        List<Consumer> current;
        synchronized (this) {
            running = false;
            current = List.copyOf(consumers);
        }
        // A consumer waiting in a long poll holds no messages: stop it now rather than after up to 20 s. The
        // abandoned receive may still take a message arriving within its wait; that message comes back after the
        // visibility timeout, as when a Lambda mapping is disabled mid-poll.
        current.stream().filter(c -> c.receiving).forEach(c -> c.thread.interrupt());
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        for (Consumer consumer : current) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !consumer.thread.join(Duration.ofNanos(left))) {
                    consumer.thread.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Starts one more consumer unless stopped or at the mapping's maximum concurrency. */
    private synchronized void scaleOut() {
        if (!running || consumers.size() >= config.maximumConcurrency()) {
            return;
        }
        var consumer = new Consumer();
        consumers.add(consumer);
        int n = consumersStarted.incrementAndGet();
        consumer.thread = Thread.ofVirtual().name("sqs-poller-" + config.functionName() + "-" + n).start(consumer);
    }

    /** True if {@code consumer} may stop (another one keeps polling). */
    private synchronized boolean scaleIn(Consumer consumer) {
        if (consumers.size() > 1) {
            consumers.remove(consumer);
            return true;
        }
        return false;
    }

    private final class Consumer implements Runnable {
        volatile Thread thread;
        /** True while blocked in a receive (holding no messages), so close() may interrupt it. */
        volatile boolean receiving;

        @Override
        public void run() {
            Duration backoff = FIRST_ERROR_BACKOFF;
            try {
                while (running) {
                    try {
                        List<Message> batch = receive();
                        if (batch.isEmpty()) {
                            if (scaleIn(this)) {
                                return;
                            }
                            continue;
                        }
                        scaleOut(); // a non-empty receive: more may be waiting, as Lambda adds pollers
                        process(batch);
                        backoff = FIRST_ERROR_BACKOFF;
                    } catch (SdkException e) {
                        if (!running) {
                            return;
                        }
                        LOG.warn("{}: polling {} failed: {}", config.functionName(), config.queueUrl(), e.getMessage());
                        backoff = pause(backoff);
                    } catch (RuntimeException e) {
                        LOG.error("{}: poller error", config.functionName(), e);
                        backoff = pause(backoff);
                    }
                }
            } finally {
                synchronized (SqsEventSourcePoller.this) {
                    consumers.remove(this);
                }
            }
        }

        private List<Message> receive() {
            receiving = true;
            try {
                return running ? receiveBatch() : List.of();
            } finally {
                receiving = false;
                if (running) {
                    Thread.interrupted(); // an interrupt meant for the receive must not fail the batch
                }
            }
        }

        private Duration pause(Duration backoff) {
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // only close() interrupts; the loop sees running == false
            }
            Duration next = backoff.multipliedBy(2);
            return next.compareTo(MAX_ERROR_BACKOFF) > 0 ? MAX_ERROR_BACKOFF : next;
        }
    }

    /** Receives until the batch is full, the batching window is over, or a receive comes back empty. */
    List<Message> receiveBatch() {
        List<Message> batch = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(config.maximumBatchingWindowSeconds()).toNanos();
        do {
            var request = ReceiveMessageRequest.builder().queueUrl(config.queueUrl())
                    .maxNumberOfMessages(Math.min(10, config.batchSize() - batch.size()))
                    .waitTimeSeconds(config.waitTimeSeconds())
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .attributeNamesWithStrings(QueueAttributeName.ALL.toString())
                    .messageAttributeNames("All");
            if (config.visibilityTimeoutSeconds() != null) {
                request.visibilityTimeout(config.visibilityTimeoutSeconds());
            }
            List<Message> received = sqs.receiveMessage(request.build()).messages();
            batch.addAll(received);
            if (received.isEmpty() && (batch.isEmpty() || config.maximumBatchingWindowSeconds() == 0)) {
                break;
            }
        } while (running && batch.size() < config.batchSize() && System.nanoTime() < deadline);
        return batch;
    }

    void process(List<Message> batch) {
        SQSEvent event = toEvent(batch, config.queueArn(), config.awsRegion());
        Set<String> failed;
        boolean timedOut = false;
        try {
            Object output = function.invoke(event, "sqs " + queueName());
            failed = failedIds(output, batch);
        } catch (FunctionInvocationException e) {
            failed = batch.stream().map(Message::messageId).collect(Collectors.toSet());
            timedOut = e.timedOut();
        }
        Set<String> failedIds = failed;
        delete(batch.stream().filter(m -> !failedIds.contains(m.messageId())).toList());
        if (!timedOut) {
            retryLater(batch.stream().filter(m -> failedIds.contains(m.messageId())).toList());
        }
        // After a timeout the abandoned invocation may still be finishing (and may hold claims or leases sized to
        // the visibility timeout): its messages come back when the visibility timeout expires, as on Lambda.
    }

    private Set<String> failedIds(Object output, List<Message> batch) {
        if (!config.reportBatchItemFailures() || !(output instanceof SQSBatchResponse response)
                || response.getBatchItemFailures() == null) {
            return Set.of();
        }
        Set<String> ids = batch.stream().map(Message::messageId).collect(Collectors.toSet());
        Set<String> failed = new HashSet<>();
        for (var failure : response.getBatchItemFailures()) {
            String id = failure.getItemIdentifier();
            if (id == null || id.isBlank() || !ids.contains(id)) {
                LOG.warn("{}: invalid itemIdentifier '{}', treating the whole batch as failed",
                        config.functionName(), id);
                return ids;
            }
            failed.add(id);
        }
        return failed;
    }

    private void delete(List<Message> messages) {
        for (List<Message> chunk : chunks(messages)) {
            var entries = new ArrayList<DeleteMessageBatchRequestEntry>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).build());
            }
            var result = sqs.deleteMessageBatch(b -> b.queueUrl(config.queueUrl()).entries(entries));
            if (result.hasFailed() && !result.failed().isEmpty()) {
                LOG.warn("{}: {} deletes failed: {}", config.functionName(), result.failed().size(), result.failed());
            }
        }
    }

    private void retryLater(List<Message> messages) {
        if (config.failedMessageRetryDelay() == null || messages.isEmpty()) {
            return; // faithful mode: they reappear when the visibility timeout expires
        }
        int seconds = (int) Math.min(43_200, config.failedMessageRetryDelay().toSeconds());
        for (List<Message> chunk : chunks(messages)) {
            var entries = new ArrayList<ChangeMessageVisibilityBatchRequestEntry>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).visibilityTimeout(seconds).build());
            }
            sqs.changeMessageVisibilityBatch(b -> b.queueUrl(config.queueUrl()).entries(entries));
        }
    }

    /** SDK messages to the Lambda event shape (attribute names and casing as Lambda delivers them). */
    public static SQSEvent toEvent(List<Message> messages, String queueArn, String region) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message m : messages) {
            var record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setReceiptHandle(m.receiptHandle());
            record.setBody(m.body());
            record.setMd5OfBody(m.md5OfBody());
            record.setMd5OfMessageAttributes(m.md5OfMessageAttributes());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAwsRegion(region);
            Map<String, String> attributes = new LinkedHashMap<>();
            m.attributesAsStrings().forEach(attributes::put);
            record.setAttributes(attributes);
            Map<String, SQSEvent.MessageAttribute> messageAttributes = new LinkedHashMap<>();
            m.messageAttributes().forEach((name, value) -> messageAttributes.put(name, attribute(value)));
            record.setMessageAttributes(messageAttributes);
            records.add(record);
        }
        var event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static SQSEvent.MessageAttribute attribute(MessageAttributeValue value) {
        var attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        if (value.binaryValue() != null) {
            attribute.setBinaryValue(ByteBuffer.wrap(value.binaryValue().asByteArray()));
        }
        attribute.setStringListValues(value.hasStringListValues() ? value.stringListValues() : List.of());
        attribute.setBinaryListValues(value.hasBinaryListValues()
                ? value.binaryListValues().stream().map(b -> ByteBuffer.wrap(b.asByteArray())).toList() : List.of());
        return attribute;
    }

    private static List<List<Message>> chunks(List<Message> messages) {
        List<List<Message>> chunks = new ArrayList<>();
        for (int i = 0; i < messages.size(); i += 10) {
            chunks.add(messages.subList(i, Math.min(messages.size(), i + 10)));
        }
        return chunks;
    }

    private String queueName() {
        return config.queueUrl().substring(config.queueUrl().lastIndexOf('/') + 1);
    }

}

package com.ordertracking.shared.adapters.messaging;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ordertracking.shared.adapters.logging.FunctionLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The message loop of an SQS consumer with {@code ReportBatchItemFailures}: one log line per message through the
 * invocation's Lambda logger ({@link FunctionLog}; {@code orderId} and {@code message} in the line are used as such), and a
 * message whose work throws becomes a batch item failure (SQS redelivers it, then dead-letters it); the others
 * are deleted.
 */
public final class SqsBatches {
    private SqsBatches() {
    }

    /** The work on one message; it adds what is worth logging to {@code line}. */
    @FunctionalInterface
    public interface MessageWork {
        void handle(SQSEvent.SQSMessage message, Map<String, Object> line);
    }

    /** Handles the messages one after the other. */
    public static SQSBatchResponse eachMessage(SQSEvent event, Context context, String failureMessage, MessageWork work) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            lines.add(handle(message, failureMessage, work));
        }
        return response(event.getRecords(), lines, FunctionLog.of(context));
    }

    /** Handles all messages at once, one virtual thread each, so a slow one holds up none of the others. */
    public static SQSBatchResponse eachMessageConcurrently(SQSEvent event, Context context, String failureMessage,
            MessageWork work) {
        List<Future<Map<String, Object>>> futures = new ArrayList<>();
        try (ExecutorService perMessage = Executors.newVirtualThreadPerTaskExecutor()) {
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                futures.add(perMessage.submit(() -> handle(message, failureMessage, work)));
            }
        }
        return response(event.getRecords(), futures.stream().map(Future::resultNow).toList(), FunctionLog.of(context));
    }

    private static Map<String, Object> handle(SQSEvent.SQSMessage message, String failureMessage, MessageWork work) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("messageId", message.getMessageId());
        try {
            work.handle(message, line);
        } catch (RuntimeException e) {
            line.put("message", failureMessage);
            line.put("error", e.toString());
            line.put("at", FunctionLog.origin(e));
        }
        return line;
    }

    private static SQSBatchResponse response(List<SQSEvent.SQSMessage> messages, List<Map<String, Object>> lines,
            FunctionLog log) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (lines.get(i).containsKey("error")) {
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(messages.get(i).getMessageId()).build());
            }
            log(log, lines.get(i));
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private static void log(FunctionLog log, Map<String, Object> line) {
        Map<String, Object> details = new LinkedHashMap<>(line);
        Object orderId = details.remove("orderId");
        String message = String.valueOf(details.remove("message"));
        FunctionLog target = orderId == null ? log : log.forOrder(String.valueOf(orderId));
        Object[] keyValues = details.entrySet().stream()
                .flatMap(e -> Stream.of(e.getKey(), e.getValue())).toArray();
        if (line.containsKey("error")) {
            target.warn(message, keyValues);
        } else {
            target.info(message, keyValues);
        }
    }
}

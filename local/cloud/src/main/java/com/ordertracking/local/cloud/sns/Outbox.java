package com.ordertracking.local.cloud.sns;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Thread-safe record of SMS and e-mail deliveries, which locally go nowhere else. */
public final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final List<OutboxMessage> messages = new CopyOnWriteArrayList<>();
    private final List<Consumer<OutboxMessage>> listeners = new CopyOnWriteArrayList<>();

    /** Appends a message and tells the listeners; a failing listener does not stop the others. */
    public void add(OutboxMessage message) {
        messages.add(Objects.requireNonNull(message, "message"));
        for (Consumer<OutboxMessage> listener : listeners) {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("Outbox listener failed for {} to {}", message.protocol(), message.endpoint(), e);
            }
        }
    }

    /** Snapshot of all messages, oldest first. */
    public List<OutboxMessage> messages() {
        return List.copyOf(messages);
    }

    /** Snapshot of the messages sent to one phone number or address, oldest first. */
    public List<OutboxMessage> messagesTo(String endpoint) {
        return messages.stream().filter(m -> m.endpoint().equals(endpoint)).toList();
    }

    /** Removes every message recorded so far; listeners stay. */
    public void clear() {
        messages.clear();
    }

    /**
     * Calls {@code listener} for every message added from now on (on the publishing thread).
     *
     * @return closing it removes the listener
     */
    public Registration addListener(Consumer<OutboxMessage> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Handle of a listener; {@link #close()} removes it and throws nothing. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}

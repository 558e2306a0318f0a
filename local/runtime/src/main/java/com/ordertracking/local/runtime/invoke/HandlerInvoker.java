package com.ordertracking.local.runtime.invoke;

/**
 * The one thing event sources need from a function: invoke it with a typed event and get its output back.
 * Implementations must be safe to call from many threads at once. A failed invocation throws
 * {@link FunctionInvocationException}.
 */
@FunctionalInterface
public interface HandlerInvoker {

    /**
     * @param event   the event object (converted to the handler's input type if needed)
     * @param trigger short description for the invocation log line, e.g. {@code "POST /orders"} or {@code "sqs"}
     */
    Object invoke(Object event, String trigger);
}

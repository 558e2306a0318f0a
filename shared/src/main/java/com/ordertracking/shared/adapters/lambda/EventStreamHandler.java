package com.ordertracking.shared.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.ordertracking.shared.adapters.json.LambdaEventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Base of every function's entry point. On AWS the Java runtime calls the stream method (the template names the
 * class without {@code ::method}, and the runtime prefers {@link RequestStreamHandler} then): it gets the raw event
 * bytes, reads them with our Jackson ({@link LambdaEventJson}) into the typed event and writes the typed result, so
 * the runtime never loads its own event serialization library (docs/operations.md "Cold start"). The typed
 * {@link #handleRequest(Object, Context)} is where the function's work happens; tests and the local runtime call it
 * directly.
 *
 * @param <I> the event class from {@code aws-lambda-java-events} (API Gateway HTTP, SQS, DynamoDB stream, schedule)
 * @param <O> what the function answers (HTTP response, partial batch response, run summary)
 */
public abstract class EventStreamHandler<I, O> implements RequestHandler<I, O>, RequestStreamHandler {
    private final Class<I> eventType;

    protected EventStreamHandler(Class<I> eventType) {
        this.eventType = eventType;
    }

    @Override
    public final void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        LambdaEventJson.write(handleRequest(LambdaEventJson.read(event, eventType), context), response);
    }
}

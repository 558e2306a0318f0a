package com.ordertracking.shared.adapters.json;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Record;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads Lambda events and writes handler results with our Jackson ({@link Json#MAPPER}'s configuration) instead of
 * the Java runtime's own serialization library (a second, shaded Jackson plus its event mixins: about 700 classes
 * and 0.4 s of every cold start; docs/operations.md "Cold start").
 *
 * <p>The events come out exactly as the runtime's library would build them (proved for every fixture under
 * {@code events/} by {@code LambdaEventJsonTest}): the field names AWS uses that the event classes do not spell
 * their way ({@code Records}, {@code eventSourceARN}, {@code detail-type}, the DynamoDB {@code Keys}/{@code NewImage}
 * and {@code S}/{@code N}/{@code M}/... attribute values) are given by {@link LambdaEventNames}; stream record times
 * are epoch seconds and scheduled event times joda {@code DateTime}s, as there. Floating-point numbers in free-form
 * maps (a scheduled event's {@code detail}, a Lambda authorizer's context) stay {@code Double}s, as there.
 */
public final class LambdaEventJson {
    private static final ObjectMapper MAPPER = ((JsonMapper) Json.MAPPER).rebuild()
            .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .addMixIn(SQSEvent.class, LambdaEventNames.Batch.class)
            .addMixIn(SQSEvent.SQSMessage.class, LambdaEventNames.SqsMessage.class)
            .addMixIn(DynamodbEvent.class, LambdaEventNames.Batch.class)
            .addMixIn(Record.class, LambdaEventNames.StreamRecordEnvelope.class)
            .addMixIn(StreamRecord.class, LambdaEventNames.StreamRecordBody.class)
            .addMixIn(AttributeValue.class, LambdaEventNames.Attribute.class)
            .addMixIn(ScheduledEvent.class, LambdaEventNames.Schedule.class)
            .build();

    private LambdaEventJson() {
    }

    /** The event Lambda sent, as the typed object its handler takes. */
    public static <T> T read(InputStream event, Class<T> type) throws IOException {
        return MAPPER.readValue(event, type);
    }

    /** The handler's result as the response Lambda returns ({@code null} for nothing, as the runtime writes it). */
    public static void write(Object result, OutputStream response) throws IOException {
        MAPPER.writeValue(response, result);
    }
}

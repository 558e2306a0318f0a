package com.ordertracking.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the stream records DynamoDB would emit for items the tests really wrote (read back with
 * GetItem), converting the SDK's attribute values to the Lambda events library's.
 */
final class StreamImages {
    private static final AtomicLong SEQUENCE = new AtomicLong(100_000_000_000_000_000L);

    private StreamImages() {
    }

    static DynamodbStreamRecord record(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> before,
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> after) {
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName(before == null ? "INSERT" : after == null ? "REMOVE" : "MODIFY");
        record.setEventID(Long.toString(SEQUENCE.get()));
        record.setEventSource("aws:dynamodb");
        StreamRecord change = new StreamRecord();
        change.setSequenceNumber(Long.toString(SEQUENCE.incrementAndGet()));
        change.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.NEW_AND_OLD_IMAGES);
        change.setOldImage(before == null ? null : image(before));
        change.setNewImage(after == null ? null : image(after));
        record.setDynamodb(change);
        return record;
    }

    static DynamodbEvent event(List<DynamodbStreamRecord> records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }

    static Map<String, AttributeValue> image(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, value(v)));
        return out;
    }

    private static AttributeValue value(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
        return switch (v.type()) {
            case S -> new AttributeValue().withS(v.s());
            case N -> new AttributeValue().withN(v.n());
            case BOOL -> new AttributeValue().withBOOL(v.bool());
            case NUL -> new AttributeValue().withNULL(true);
            case M -> new AttributeValue().withM(image(v.m()));
            case L -> new AttributeValue().withL(v.l().stream().map(StreamImages::value).toList());
            case SS -> new AttributeValue().withSS(v.ss());
            case NS -> new AttributeValue().withNS(v.ns());
            default -> throw new IllegalArgumentException("not used by orders: " + v.type());
        };
    }
}

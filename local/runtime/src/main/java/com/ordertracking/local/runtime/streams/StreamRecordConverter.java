package com.ordertracking.local.runtime.streams;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** SDK v2 stream records to the aws-lambda-java-events model (which has its own AttributeValue type). */
public final class StreamRecordConverter {

    private StreamRecordConverter() {
    }

    public static DynamodbEvent toEvent(List<Record> records, String streamArn, String region) {
        var event = new DynamodbEvent();
        event.setRecords(records.stream().map(r -> toRecord(r, streamArn, region)).toList());
        return event;
    }

    public static DynamodbEvent.DynamodbStreamRecord toRecord(Record sdk, String streamArn, String region) {
        var record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID(sdk.eventID());
        record.setEventName(sdk.eventNameAsString());
        record.setEventVersion(sdk.eventVersion());
        record.setEventSource("aws:dynamodb");
        // DynamoDB Local reports region "ddblocal"; Lambda reports the real one, so use the configured region.
        record.setAwsRegion(region);
        record.setEventSourceARN(streamArn);
        if (sdk.userIdentity() != null) {
            record.setUserIdentity(new Identity().withPrincipalId(sdk.userIdentity().principalId())
                    .withType(sdk.userIdentity().type()));
        }
        var sdkStream = sdk.dynamodb();
        if (sdkStream != null) {
            var stream = new StreamRecord();
            if (sdkStream.approximateCreationDateTime() != null) {
                stream.setApproximateCreationDateTime(Date.from(sdkStream.approximateCreationDateTime()));
            }
            if (sdkStream.hasKeys()) {
                stream.setKeys(toMap(sdkStream.keys()));
            }
            if (sdkStream.hasNewImage()) {
                stream.setNewImage(toMap(sdkStream.newImage()));
            }
            if (sdkStream.hasOldImage()) {
                stream.setOldImage(toMap(sdkStream.oldImage()));
            }
            stream.setSequenceNumber(sdkStream.sequenceNumber());
            stream.setSizeBytes(sdkStream.sizeBytes());
            if (sdkStream.streamViewTypeAsString() != null) {
                stream.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType
                        .fromValue(sdkStream.streamViewTypeAsString()));
            }
            record.setDynamodb(stream);
        }
        return record;
    }

    public static Map<String, AttributeValue> toMap(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, toAttribute(v)));
        return out;
    }

    public static AttributeValue toAttribute(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
        return switch (v.type()) {
            case S -> new AttributeValue().withS(v.s());
            case N -> new AttributeValue().withN(v.n());
            case B -> new AttributeValue().withB(buffer(v.b()));
            case BOOL -> new AttributeValue().withBOOL(v.bool());
            case NUL -> new AttributeValue().withNULL(true);
            case SS -> new AttributeValue().withSS(v.ss());
            case NS -> new AttributeValue().withNS(v.ns());
            case BS -> new AttributeValue().withBS(v.bs().stream().map(StreamRecordConverter::buffer).toList());
            case M -> new AttributeValue().withM(toMap(v.m()));
            case L -> new AttributeValue().withL(v.l().stream().map(StreamRecordConverter::toAttribute).toList());
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("unknown attribute type: " + v);
        };
    }

    private static ByteBuffer buffer(SdkBytes bytes) {
        return ByteBuffer.wrap(bytes.asByteArray());
    }
}

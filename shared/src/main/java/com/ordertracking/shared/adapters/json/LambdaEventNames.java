package com.ordertracking.shared.adapters.json;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;

/**
 * Jackson mix-ins for {@link LambdaEventJson}: the JSON names AWS gives event fields where the
 * {@code aws-lambda-java-events} classes name them differently, and the two time formats. Each method mirrors one
 * accessor of the event class (same name and parameter types, which is how Jackson matches a mix-in).
 */
final class LambdaEventNames {
    private LambdaEventNames() {
    }

    /** An SQS or DynamoDB stream batch (Jackson matches mix-in methods by name and erased parameter types). */
    interface Batch {
        @JsonProperty("Records") List<?> getRecords();

        @JsonProperty("Records") void setRecords(List<?> records);
    }

    interface SqsMessage {
        @JsonProperty("eventSourceARN") String getEventSourceArn();

        @JsonProperty("eventSourceARN") void setEventSourceArn(String arn);
    }

    /** A stream record: {@code setEventName} is overloaded (String and OperationType); the JSON carries the name. */
    interface StreamRecordEnvelope {
        @JsonProperty("eventName") String getEventName();

        @JsonProperty("eventName") void setEventName(String eventName);
    }

    interface StreamRecordBody {
        @JsonProperty("Keys") Map<String, AttributeValue> getKeys();

        @JsonProperty("Keys") void setKeys(Map<String, AttributeValue> keys);

        @JsonProperty("NewImage") Map<String, AttributeValue> getNewImage();

        @JsonProperty("NewImage") void setNewImage(Map<String, AttributeValue> image);

        @JsonProperty("OldImage") Map<String, AttributeValue> getOldImage();

        @JsonProperty("OldImage") void setOldImage(Map<String, AttributeValue> image);

        @JsonProperty("SequenceNumber") String getSequenceNumber();

        @JsonProperty("SequenceNumber") void setSequenceNumber(String sequenceNumber);

        @JsonProperty("SizeBytes") Long getSizeBytes();

        @JsonProperty("SizeBytes") void setSizeBytes(Long sizeBytes);

        @JsonProperty("StreamViewType") String getStreamViewType();

        @JsonProperty("StreamViewType") void setStreamViewType(StreamViewType type);

        @JsonProperty("ApproximateCreationDateTime") Date getApproximateCreationDateTime();

        @JsonProperty("ApproximateCreationDateTime") @JsonDeserialize(using = EpochSeconds.class)
        void setApproximateCreationDateTime(Date time);
    }

    /** A DynamoDB attribute value in the stream's wire format: {@code {"S": "..."}}, {@code {"M": {...}}}, ... */
    interface Attribute {
        @JsonProperty("S") String getS();

        @JsonProperty("S") void setS(String s);

        @JsonProperty("N") String getN();

        @JsonProperty("N") void setN(String n);

        @JsonProperty("B") ByteBuffer getB();

        @JsonProperty("B") void setB(ByteBuffer b);

        @JsonProperty("SS") List<String> getSS();

        @JsonProperty("SS") void setSS(Collection<String> ss);

        @JsonProperty("NS") List<String> getNS();

        @JsonProperty("NS") void setNS(Collection<String> ns);

        @JsonProperty("BS") List<ByteBuffer> getBS();

        @JsonProperty("BS") void setBS(Collection<ByteBuffer> bs);

        @JsonProperty("M") Map<String, AttributeValue> getM();

        @JsonProperty("M") void setM(Map<String, AttributeValue> m);

        @JsonProperty("L") List<AttributeValue> getL();

        @JsonProperty("L") void setL(Collection<AttributeValue> l);

        @JsonProperty("NULL") Boolean getNULL();

        @JsonProperty("NULL") void setNULL(Boolean isNull);

        @JsonProperty("BOOL") Boolean getBOOL();

        @JsonProperty("BOOL") void setBOOL(Boolean bool);
    }

    interface Schedule {
        @JsonProperty("detail-type") String getDetailType();

        @JsonProperty("detail-type") void setDetailType(String detailType);

        @JsonDeserialize(using = IsoDateTime.class) void setTime(DateTime time);
    }

    /** Stream record times are fractional epoch seconds; 0 means none (as Lambda's runtime reads them). */
    static final class EpochSeconds extends JsonDeserializer<Date> {
        @Override
        public Date deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            double seconds = parser.getValueAsDouble();
            return seconds == 0.0 ? null : new Date((long) (seconds * 1000.0));
        }
    }

    /** Scheduled event times: ISO-8601, keeping the offset they were written with (joda's {@code DateTime.parse}). */
    static final class IsoDateTime extends JsonDeserializer<DateTime> {
        @Override
        public DateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return DateTime.parse(parser.getValueAsString());
        }
    }
}

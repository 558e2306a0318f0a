package com.ordertracking.local.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class StreamRecordConverterTest {

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue.Builder sdk() {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
    }

    private static ByteBuffer bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return ByteBuffer.wrap(b);
    }

    @Test
    void converts_every_attribute_type() {
        assertThat(StreamRecordConverter.toAttribute(sdk().s("x").build())).isEqualTo(new AttributeValue().withS("x"));
        assertThat(StreamRecordConverter.toAttribute(sdk().n("1.5").build()))
                .isEqualTo(new AttributeValue().withN("1.5"));
        assertThat(StreamRecordConverter.toAttribute(sdk().b(SdkBytes.fromByteArray(new byte[] {1, 2})).build()))
                .isEqualTo(new AttributeValue().withB(bytes(1, 2)));
        assertThat(StreamRecordConverter.toAttribute(sdk().bool(false).build()))
                .isEqualTo(new AttributeValue().withBOOL(false));
        assertThat(StreamRecordConverter.toAttribute(sdk().nul(true).build()))
                .isEqualTo(new AttributeValue().withNULL(true));
        assertThat(StreamRecordConverter.toAttribute(sdk().ss("a", "b").build()))
                .isEqualTo(new AttributeValue().withSS("a", "b"));
        assertThat(StreamRecordConverter.toAttribute(sdk().ns("1", "2").build()))
                .isEqualTo(new AttributeValue().withNS("1", "2"));
        assertThat(StreamRecordConverter.toAttribute(sdk().bs(SdkBytes.fromByteArray(new byte[] {3}),
                SdkBytes.fromByteArray(new byte[] {4})).build()))
                .isEqualTo(new AttributeValue().withBS(bytes(3), bytes(4)));
        var nested = sdk().m(Map.of("items", sdk().l(sdk().s("i1").build(),
                sdk().m(Map.of("qty", sdk().n("2").build())).build()).build())).build();
        assertThat(StreamRecordConverter.toAttribute(nested)).isEqualTo(new AttributeValue().withM(Map.of("items",
                new AttributeValue().withL(new AttributeValue().withS("i1"),
                        new AttributeValue().withM(Map.of("qty", new AttributeValue().withN("2")))))));
    }

    @Test
    void converts_record_envelope() {
        var created = Instant.parse("2025-01-01T10:00:00Z");
        var sdkRecord = Record.builder().eventID("e1").eventName(OperationType.MODIFY).eventVersion("1.1")
                .eventSource("aws:dynamodb").awsRegion("ddblocal")
                .dynamodb(StreamRecord.builder().approximateCreationDateTime(created)
                        .keys(Map.of("pk", sdk().s("o#1").build()))
                        .newImage(Map.of("pk", sdk().s("o#1").build(), "status", sdk().s("PAID").build()))
                        .oldImage(Map.of("pk", sdk().s("o#1").build(), "status", sdk().s("NEW").build()))
                        .sequenceNumber("100").sizeBytes(42L).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                        .build())
                .build();

        var event = StreamRecordConverter.toEvent(List.of(sdkRecord), "arn:stream", "eu-west-1");
        var record = event.getRecords().getFirst();

        assertThat(record.getEventID()).isEqualTo("e1");
        assertThat(record.getEventName()).isEqualTo("MODIFY");
        assertThat(record.getEventSource()).isEqualTo("aws:dynamodb");
        assertThat(record.getEventSourceARN()).isEqualTo("arn:stream");
        assertThat(record.getAwsRegion()).isEqualTo("eu-west-1");
        var stream = record.getDynamodb();
        assertThat(stream.getKeys()).containsEntry("pk", new AttributeValue().withS("o#1"));
        assertThat(stream.getNewImage().get("status").getS()).isEqualTo("PAID");
        assertThat(stream.getOldImage().get("status").getS()).isEqualTo("NEW");
        assertThat(stream.getSequenceNumber()).isEqualTo("100");
        assertThat(stream.getSizeBytes()).isEqualTo(42L);
        assertThat(stream.getStreamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(stream.getApproximateCreationDateTime().toInstant()).isEqualTo(created);
    }

    @Test
    void absent_images_stay_null() {
        var sdkRecord = Record.builder().eventName(OperationType.REMOVE)
                .dynamodb(StreamRecord.builder().keys(Map.of("pk", sdk().s("k").build())).sequenceNumber("1")
                        .build()).build();
        var stream = StreamRecordConverter.toRecord(sdkRecord, "arn", "us-east-1").getDynamodb();
        assertThat(stream.getNewImage()).isNull();
        assertThat(stream.getOldImage()).isNull();
    }
}

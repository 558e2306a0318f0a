package com.ordertracking.local.cloud.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A DynamoDB table to create ({@code AWS::DynamoDB::Table} or {@code AWS::Serverless::SimpleTable}).
 * String values use the CloudFormation/DynamoDB spellings ({@code HASH}, {@code S}, {@code PAY_PER_REQUEST}...).
 *
 * @param attributeDefinitions attribute name to type {@code S|N|B}, in template order
 * @param billingMode          {@code PAY_PER_REQUEST} or {@code PROVISIONED}
 * @param provisionedThroughput present for {@code PROVISIONED}
 * @param streamViewType       e.g. {@code NEW_AND_OLD_IMAGES} when the table has a stream
 * @param ttlAttribute         attribute name when TimeToLiveSpecification is enabled
 * @param streamArn            resolved {@code GetAtt StreamArn} (real after provisioning, else synthetic)
 */
public record TableSpec(
        String logicalId,
        String tableName,
        String arn,
        List<KeyElement> keySchema,
        Map<String, String> attributeDefinitions,
        String billingMode,
        Optional<Throughput> provisionedThroughput,
        List<SecondaryIndex> globalSecondaryIndexes,
        List<SecondaryIndex> localSecondaryIndexes,
        Optional<String> streamViewType,
        Optional<String> streamArn,
        Optional<String> ttlAttribute) {

    public static final String PAY_PER_REQUEST = "PAY_PER_REQUEST";
    public static final String PROVISIONED = "PROVISIONED";

    public String hashKey() {
        return keySchema.stream().filter(k -> k.keyType().equals("HASH")).findFirst().orElseThrow().attributeName();
    }

    public Optional<String> rangeKey() {
        return keySchema.stream().filter(k -> k.keyType().equals("RANGE")).map(KeyElement::attributeName).findFirst();
    }

    /** @param keyType {@code HASH} or {@code RANGE} */
    public record KeyElement(String attributeName, String keyType) {}

    public record Throughput(long readCapacityUnits, long writeCapacityUnits) {}

    /** @param projectionType {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE} (with nonKeyAttributes) */
    public record Projection(String projectionType, List<String> nonKeyAttributes) {}

    /** A GSI or LSI; LSIs never carry throughput. */
    public record SecondaryIndex(String indexName, List<KeyElement> keySchema, Projection projection,
                                 Optional<Throughput> provisionedThroughput) {}
}

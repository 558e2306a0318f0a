package com.ordertracking.systemtests.driver;

import com.ordertracking.local.cloud.LocalCloud;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A DynamoDB client for cost harnesses: every request asks for {@code ReturnConsumedCapacity=INDEXES} and the
 * meter adds up what the responses report, split into write and read units per table and index. The code under
 * measurement is unchanged: it is only given this client. (Failed conditional writes report nothing on
 * DynamoDB Local; on AWS they cost one write unit.)
 */
public final class CapacityMeter implements ExecutionInterceptor {
    private final Map<String, Double> writes = new TreeMap<>();
    private final Map<String, Double> reads = new TreeMap<>();
    private final List<String> calls = new ArrayList<>();

    /** A client of {@code cloud}'s DynamoDB that reports to a new meter. */
    public static Metered client(LocalCloud cloud) {
        CapacityMeter meter = new CapacityMeter();
        URI endpoint = cloud.endpoints().dynamoDb();
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(meter))
                .build();
        return new Metered(client, meter);
    }

    public record Metered(DynamoDbClient client, CapacityMeter meter) {
    }

    /** What was consumed since the last reset. */
    public record Reading(double writeUnits, double readUnits, Map<String, Double> writesByPart,
            Map<String, Double> readsByPart, List<String> calls) {
        @Override
        public String toString() {
            return "WCU=" + format(writeUnits) + " " + writesByPart + " RCU=" + format(readUnits) + " " + readsByPart
                    + " calls=" + calls;
        }

        private static String format(double units) {
            return units == Math.rint(units) ? Long.toString((long) units) : Double.toString(units);
        }
    }

    public synchronized Reading reset() {
        Reading reading = new Reading(sum(writes), sum(reads), Map.copyOf(writes), Map.copyOf(reads), List.copyOf(calls));
        writes.clear();
        reads.clear();
        calls.clear();
        return reading;
    }

    private static double sum(Map<String, Double> parts) {
        return parts.entrySet().stream().filter(e -> e.getKey().equals("total")).mapToDouble(Map.Entry::getValue).sum();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        return switch (context.request()) {
            case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
            case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
            case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
            case TransactWriteItemsRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
            case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
            case QueryRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
            case BatchGetItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
            case TransactGetItemsRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
            default -> context.request();
        };
    }

    @Override
    public synchronized void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String name = context.request().getClass().getSimpleName().replace("Request", "");
        calls.add(name);
        switch (context.response()) {
            case PutItemResponse r -> add(writes, List.of(r.consumedCapacity()));
            case UpdateItemResponse r -> add(writes, List.of(r.consumedCapacity()));
            case DeleteItemResponse r -> add(writes, List.of(r.consumedCapacity()));
            case TransactWriteItemsResponse r -> add(writes, r.consumedCapacity());
            case GetItemResponse r -> add(reads, List.of(r.consumedCapacity()));
            case QueryResponse r -> add(reads, List.of(r.consumedCapacity()));
            case BatchGetItemResponse r -> add(reads, r.consumedCapacity());
            case TransactGetItemsResponse r -> add(reads, r.consumedCapacity());
            default -> {
            }
        }
    }

    private static void add(Map<String, Double> parts, List<ConsumedCapacity> capacities) {
        for (ConsumedCapacity capacity : capacities) {
            if (capacity == null) {
                continue;
            }
            parts.merge("total", capacity.capacityUnits() == null ? 0 : capacity.capacityUnits(), Double::sum);
            if (capacity.table() != null && capacity.table().capacityUnits() != null) {
                parts.merge("table", capacity.table().capacityUnits(), Double::sum);
            }
            if (capacity.hasGlobalSecondaryIndexes()) {
                capacity.globalSecondaryIndexes().forEach((index, units) ->
                        parts.merge(index, units.capacityUnits() == null ? 0 : units.capacityUnits(), Double::sum));
            }
        }
    }
}

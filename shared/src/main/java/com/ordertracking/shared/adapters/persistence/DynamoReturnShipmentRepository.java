package com.ordertracking.shared.adapters.persistence;

import static com.ordertracking.shared.adapters.persistence.TableKeys.EXPIRES_AT;
import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.order.OrderRepository.IdempotencyClaim;
import com.ordertracking.shared.application.order.ReturnShipmentRepository;
import com.ordertracking.shared.application.tracking.ReturnScans;
import com.ordertracking.shared.application.tracking.TrackingRepository.ApplyResult;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.ReturnReceipt;
import com.ordertracking.shared.domain.ReturnShipment;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.domain.tracking.DelayRules;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Return shipments on the orders table (layout in docs/data-model.md): the shipment item
 * {@code ORDER#<orderId> / RETURN#<returnId>#SHIPMENT} (its own {@code version}, not projected into any index),
 * the registration {@code TRACKING#<carrier>#<number> / TRACKING} marked with {@code returnId}, and the
 * transactions of an attach and of an applied scan.
 */
public final class DynamoReturnShipmentRepository implements ReturnShipmentRepository, ReturnScans {
    /** The registration attribute that routes a number to a return shipment instead of an order's shipment. */
    static final String RETURN_ID = "returnId";
    private static final String ENTITY = "ReturnShipment";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;
    private final OrderWrites orderWrites;

    public DynamoReturnShipmentRepository(DynamoDbClient dynamoDb, String tableName, Clock clock, DelayRules delayRules) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
        this.orderWrites = new OrderWrites(dynamoDb, tableName, delayRules);
    }

    static String shipmentSk(String returnId) {
        return "RETURN#" + returnId + "#SHIPMENT";
    }

    @Override
    public Optional<ReturnShipment> find(String orderId, String returnId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(OrderItems.key(TableKeys.orderPk(orderId), shipmentSk(returnId)))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode json = AttributeValues.toObject(item);
        json.remove(List.of(PK, SK, TableKeys.ENTITY));
        return Optional.of(Json.convert(json, ReturnShipment.class));
    }

    @Override
    public AttachResult attach(ReturnShipment shipment, TimelineEntry entry, IdempotencyClaim claim) {
        List<TransactWriteItem> writes = new ArrayList<>();
        // 0: the order still waits for this approved return (its other fields may change meanwhile).
        writes.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(tableName)
                .key(OrderItems.key(TableKeys.orderPk(shipment.orderId()), TableKeys.ORDER_SK))
                .conditionExpression("#status = :approved AND returnRequest.returnId = :returnId")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(
                        ":approved", AttributeValue.fromS(OrderStatus.RETURN_APPROVED.name()),
                        ":returnId", AttributeValue.fromS(shipment.returnId())))
                .build()).build());
        // 1: the return has no shipment yet.
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(shipmentItem(shipment))
                .conditionExpression("attribute_not_exists(pk)")
                .build()).build());
        // 2: one carrier + number belongs to one order or return shipment, for ever.
        int registrationIndex = writes.size();
        writes.add(TrackingRegistrationItem.claim(tableName, shipment.parcel().carrier(),
                shipment.parcel().trackingNumber(), shipment.orderId(), RETURN_ID, shipment.returnId(),
                shipment.parcel().shippedAt()));
        writes.add(orderWrites.putEntry(shipment.orderId(), entry));
        if (claim != null) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                    .item(Map.of(
                            PK, AttributeValue.fromS(TableKeys.idempotencyPk(claim.sellerId(), claim.key())),
                            SK, AttributeValue.fromS(TableKeys.IDEMPOTENCY_SK),
                            TableKeys.ENTITY, AttributeValue.fromS("IdempotencyRecord"),
                            "orderId", AttributeValue.fromS(shipment.orderId()),
                            RETURN_ID, AttributeValue.fromS(shipment.returnId()),
                            "requestHash", AttributeValue.fromS(claim.requestHash()),
                            EXPIRES_AT, AttributeValue.fromN(Long.toString(claim.expiresAtEpochSecond()))))
                    // TTL deletion lags by up to days, so an expired claim counts as absent.
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(
                            Long.toString(clock.instant().getEpochSecond()))))
                    .build()).build());
        }
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(writes));
            return AttachResult.ATTACHED;
        } catch (TransactionCanceledException e) {
            // A shipment attached meanwhile comes first: a repeat of the same number is not "in use".
            if (TransactionFailures.conditionFailed(e, 1) || TransactionFailures.conditionFailed(e, 0)) {
                return AttachResult.CHANGED;
            }
            if (TransactionFailures.conditionFailed(e, registrationIndex)) {
                return AttachResult.NUMBER_IN_USE;
            }
            if (TransactionFailures.conditionFailed(e, writes.size() - 1)
                    || TransactionFailures.conflictsWithAnotherTransaction(e)) {
                return AttachResult.CHANGED;
            }
            throw e;
        }
    }

    @Override
    public Optional<String> claimedRequest(IdempotencyClaim claim) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName)
                .key(OrderItems.key(TableKeys.idempotencyPk(claim.sellerId(), claim.key()), TableKeys.IDEMPOTENCY_SK))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()
                || Long.parseLong(item.get(EXPIRES_AT).n()) < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(item.get("requestHash").s());
    }

    @Override
    public ApplyResult track(ReturnShipment shipment, TimelineEntry checkpoint, ReturnReceipt.Received receipt,
            TrackingEvent event) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(shipmentItem(shipment))
                .conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":expected",
                        AttributeValue.fromN(Long.toString(shipment.version() - 1))))
                .build()).build());
        writes.add(orderWrites.putEntry(shipment.orderId(), checkpoint));
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(Map.of(
                        PK, AttributeValue.fromS(TableKeys.appliedEventPk(event.source(), event.eventId())),
                        SK, AttributeValue.fromS(TableKeys.APPLIED_EVENT_SK),
                        TableKeys.ENTITY, AttributeValue.fromS("AppliedTrackingEvent"),
                        "orderId", AttributeValue.fromS(shipment.orderId()),
                        RETURN_ID, AttributeValue.fromS(shipment.returnId()),
                        EXPIRES_AT, AttributeValue.fromN(Long.toString(
                                clock.instant().plus(DynamoTrackingRepository.RETENTION).getEpochSecond()))))
                .conditionExpression("attribute_not_exists(pk)")
                .build()).build());
        int orderIndex = writes.size();
        if (receipt != null) {
            writes.addAll(orderWrites.orderWrites(receipt.order(), List.of(receipt.entry())));
        }
        try {
            TransactWriteItemsResponse response = dynamoDb.transactWriteItems(t -> t.transactItems(writes)
                    .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
            ConsumedCapacity capacity = response.hasConsumedCapacity() && !response.consumedCapacity().isEmpty()
                    ? response.consumedCapacity().getFirst() : null;
            return new ApplyResult.Applied(capacity == null ? null : DynamoTrackingRepository.cost(capacity));
        } catch (TransactionCanceledException e) {
            // The applied record or the checkpoint already exists: a redelivery, whatever the versions say.
            if (TransactionFailures.conditionFailed(e, 2) || TransactionFailures.conditionFailed(e, 1)) {
                return new ApplyResult.Duplicate();
            }
            if (TransactionFailures.conditionFailed(e, 0) || TransactionFailures.conditionFailed(e, orderIndex)
                    || TransactionFailures.conflictsWithAnotherTransaction(e)) {
                return new ApplyResult.VersionConflict();
            }
            throw e;
        }
    }

    private static Map<String, AttributeValue> shipmentItem(ReturnShipment shipment) {
        Map<String, AttributeValue> item = new HashMap<>(AttributeValues.fromObject(Json.tree(shipment)));
        item.put(PK, AttributeValue.fromS(TableKeys.orderPk(shipment.orderId())));
        item.put(SK, AttributeValue.fromS(shipmentSk(shipment.returnId())));
        item.put(TableKeys.ENTITY, AttributeValue.fromS(ENTITY));
        return item;
    }
}

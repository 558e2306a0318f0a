package com.ordertracking.shared.adapters.persistence;

import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The registration of a tracking number, {@code TRACKING#<carrier>#<number> / TRACKING}: one carrier + number belongs
 * to one package or one return shipment of one order, for ever. Carrier events are routed by it, to the package
 * ({@code packageId}) or the return ({@code returnId}) it names. Written once, in the transaction that ships the
 * parcel, on condition that the number is not registered yet.
 */
final class TrackingRegistrationItem {
    static final String ENTITY = "TrackingRegistration";

    private TrackingRegistrationItem() {
    }

    /**
     * @param routeAttribute {@code packageId} or {@code returnId}: what the number's events update
     * @param routeId        that package's or return's id
     */
    static TransactWriteItem claim(String tableName, String carrier, String trackingNumber, String orderId,
            String routeAttribute, String routeId, Instant registeredAt) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(Map.of(
                        PK, AttributeValue.fromS(TableKeys.trackingPk(carrier, trackingNumber)),
                        SK, AttributeValue.fromS(TableKeys.TRACKING_SK),
                        TableKeys.ENTITY, AttributeValue.fromS(ENTITY),
                        "orderId", AttributeValue.fromS(orderId),
                        routeAttribute, AttributeValue.fromS(routeId),
                        "carrier", AttributeValue.fromS(carrier),
                        "trackingNumber", AttributeValue.fromS(trackingNumber),
                        "registeredAt", AttributeValue.fromS(registeredAt.toString())))
                .conditionExpression("attribute_not_exists(pk)")
                .build()).build();
    }
}

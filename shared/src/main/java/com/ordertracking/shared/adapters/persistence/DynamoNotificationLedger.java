package com.ordertracking.shared.adapters.persistence;

import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import com.ordertracking.shared.application.notification.Channel;
import com.ordertracking.shared.application.notification.NotificationLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@link NotificationLedger} in the orders table: one record per order + event + channel
 * ({@code pk=NOTIFIED#<orderId>#<eventId>#<channel>}, TTL 30 days). <b>Claim</b> is a conditional put
 * (state PENDING, a claim token) → send → <b>mark SENT</b> (conditional on the token). A claim left PENDING
 * by a crashed or failed sender can be taken over once it is older than {@code claimTimeout} (the queue's
 * visibility timeout), so a crash between claim and send never loses the message; a crash between
 * send and mark can, rarely, send twice — we prefer that to losing it (docs/notifications.md).
 */
public final class DynamoNotificationLedger implements NotificationLedger {
    static final Duration RETENTION = Duration.ofDays(30);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration claimTimeout;
    private final Clock clock;

    public DynamoNotificationLedger(DynamoDbClient dynamoDb, String tableName, Duration claimTimeout, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.claimTimeout = claimTimeout;
        this.clock = clock;
    }

    @Override
    public Claim claim(String orderId, String eventId, Channel channel) {
        String key = TableKeys.notifiedPk(orderId, eventId, channel.name());
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        try {
            dynamoDb.putItem(p -> p.tableName(tableName)
                    .item(Map.of(
                            PK, AttributeValue.fromS(key),
                            SK, AttributeValue.fromS(TableKeys.NOTIFIED_SK),
                            TableKeys.ENTITY, AttributeValue.fromS("NotificationRecord"),
                            "state", AttributeValue.fromS("PENDING"),
                            "claimToken", AttributeValue.fromS(token),
                            "claimedAt", AttributeValue.fromN(Long.toString(now.toEpochMilli())),
                            TableKeys.EXPIRES_AT, AttributeValue.fromN(Long.toString(now.plus(RETENTION).getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(pk) OR (#state = :pending AND claimedAt < :stale)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(
                            ":pending", AttributeValue.fromS("PENDING"),
                            ":stale", AttributeValue.fromN(Long.toString(now.minus(claimTimeout).toEpochMilli())))));
            return new Claim.Granted(key, token);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> existing = dynamoDb.getItem(g -> g.tableName(tableName)
                    .key(key(key)).consistentRead(true)).item();
            if (existing != null && existing.containsKey("state") && "SENT".equals(existing.get("state").s())) {
                return new Claim.AlreadySent(key);
            }
            return new Claim.Busy(key);
        }
    }

    @Override
    public void markSent(Claim.Granted claim, String messageId) {
        try {
            dynamoDb.updateItem(u -> u.tableName(tableName).key(key(claim.key()))
                    .updateExpression("SET #state = :sent, sentAt = :now, messageId = :id")
                    .conditionExpression("claimToken = :token")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(
                            ":sent", AttributeValue.fromS("SENT"),
                            ":now", AttributeValue.fromS(clock.instant().toString()),
                            ":id", AttributeValue.fromS(messageId == null ? "" : messageId),
                            ":token", AttributeValue.fromS(claim.token()))));
        } catch (ConditionalCheckFailedException e) {
            // Taken over after our claim went stale: the new owner marks it.
        }
    }

    @Override
    public void release(Claim.Granted claim) {
        try {
            dynamoDb.deleteItem(d -> d.tableName(tableName).key(key(claim.key()))
                    .conditionExpression("claimToken = :token AND #state = :pending")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":token", AttributeValue.fromS(claim.token()),
                            ":pending", AttributeValue.fromS("PENDING"))));
        } catch (ConditionalCheckFailedException e) {
            // Not ours any more.
        }
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(TableKeys.NOTIFIED_SK));
    }
}

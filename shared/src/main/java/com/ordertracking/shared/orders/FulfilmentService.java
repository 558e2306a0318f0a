package com.ordertracking.shared.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.aws.AwsClients;
import com.ordertracking.shared.config.Settings;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.http.ApiResponses;
import com.ordertracking.shared.http.IfMatch;
import com.ordertracking.shared.http.Problem;
import com.ordertracking.shared.http.ProblemException;
import com.ordertracking.shared.persistence.DynamoOrderRepository;
import com.ordertracking.shared.tracking.DelayRules;
import com.ordertracking.shared.persistence.DynamoTrackingRepository;
import com.ordertracking.shared.persistence.OrderRepository;
import com.ordertracking.shared.persistence.TrackingNumberInUseException;
import com.ordertracking.shared.tracking.ParkedEvents;
import com.ordertracking.shared.tracking.TrackingConfig;
import com.ordertracking.shared.tracking.TrackingQueue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The seller's fulfilment use cases: process, ship (registering the tracking number), and the timeline. */
public final class FulfilmentService {
    private final OrderRepository orders;
    private final ParkedEvents parked;
    private final TrackingConfig config;
    private final Clock clock;

    public FulfilmentService(OrderRepository orders, ParkedEvents parked, TrackingConfig config, Clock clock) {
        this.orders = orders;
        this.parked = parked;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Wires from {@code ORDERS_TABLE}, {@code CARRIERS} and, when set, {@code TRACKING_EVENTS_QUEUE_URL}
     * (only the ship function releases parked events; the others do not need the queue).
     */
    public static FulfilmentService fromEnvironment() {
        Settings settings = Settings.fromEnvironment();
        AwsClients clients = new AwsClients(settings);
        DynamoDbClient dynamoDb = clients.dynamoDb();
        String table = settings.required("ORDERS_TABLE");
        Clock clock = Clock.systemUTC();
        ParkedEvents parked = settings.optional("TRACKING_EVENTS_QUEUE_URL")
                .map(url -> new ParkedEvents(new DynamoTrackingRepository(dynamoDb, table, clock, DelayRules.from(settings)),
                        new TrackingQueue(clients.sqs(), url)))
                .orElse(null);
        return new FulfilmentService(new DynamoOrderRepository(dynamoDb, table, clock, DelayRules.from(settings)), parked,
                TrackingConfig.from(settings), clock);
    }

    /** PENDING → PROCESSED. */
    public Order process(String sellerId, String orderId, Optional<String> ifMatch) {
        Order order = ownOrder(sellerId, orderId, ifMatch);
        Instant now = now();
        Order processed = order.withStatus(OrderStatus.PROCESSED, now);
        orders.update(processed, List.of(TimelineEntry.statusChanged("processed", now, OrderStatus.PROCESSED,
                "Order processed; ready to ship", "seller")));
        return processed;
    }

    /**
     * PROCESSED → SHIPPED with the carrier's tracking number, registered to this order in the same
     * transaction; then events the carrier sent before registration are released to the processor.
     * Repeating a ship with the same carrier and number is a replay (200, same order), which also
     * retries the release if an earlier attempt was interrupted.
     */
    public Order ship(String sellerId, String orderId, JsonNode body, Optional<String> ifMatch) {
        ShipRequest request = ShipRequest.parse(body, config);
        Order order = ownOrder(sellerId, orderId, Optional.empty());
        Shipment current = order.shipment();
        if (current != null && current.carrier().equals(request.carrier())
                && current.trackingNumber().equals(request.trackingNumber()) && order.status().isShippedOrLater()) {
            release(request);
            return order;
        }
        if (order.status().isShippedOrLater()) {
            throw new ProblemException(Problem.conflict("order-already-shipped", "Order " + orderId + " already shipped with "
                    + (current == null ? "another carrier" : current.carrier() + " " + current.trackingNumber())
                    + "; a shipment's tracking number cannot be replaced"));
        }
        checkIfMatch(order, ifMatch);
        Instant now = now();
        Shipment shipment = Shipment.registered(request.carrier(), request.trackingNumber(), request.estimatedDelivery(), now);
        Order shipped = order.withShipmentAndStatus(shipment, OrderStatus.SHIPPED, now);
        try {
            orders.ship(shipped, List.of(TimelineEntry.statusChanged("shipped", now, OrderStatus.SHIPPED,
                    "Shipped with " + request.carrier() + ", tracking number " + request.trackingNumber(), "seller")));
        } catch (TrackingNumberInUseException e) {
            throw new ProblemException(Problem.conflict("tracking-number-in-use", "Tracking number "
                    + request.trackingNumber() + " of " + request.carrier() + " already belongs to another order"));
        }
        release(request);
        return shipped;
    }

    /** The order's timeline: status changes and carrier checkpoints, oldest first. */
    public List<TimelineEntry> timeline(String sellerId, String orderId) {
        ownOrder(sellerId, orderId, Optional.empty());
        return orders.timeline(orderId);
    }

    private void release(ShipRequest request) {
        if (parked != null) {
            parked.release(request.carrier(), request.trackingNumber());
        }
    }

    private Order ownOrder(String sellerId, String orderId, Optional<String> ifMatch) {
        Order order = orders.find(orderId)
                .filter(o -> o.sellerId().equals(sellerId))
                .orElseThrow(() -> new ProblemException(Problem.notFound("Order " + orderId + " was not found")));
        checkIfMatch(order, ifMatch);
        return order;
    }

    /** {@code If-Match} is optional; when given it must name the current version (same rules as {@link IfMatch}). */
    private static void checkIfMatch(Order order, Optional<String> ifMatch) {
        OptionalLong expected = ifMatch.isEmpty() ? OptionalLong.empty() : IfMatch.parse(ifMatch.get());
        if (expected.isPresent() && expected.getAsLong() != order.version()) {
            throw new ProblemException(Problem.preconditionFailed("The order is at version "
                    + ApiResponses.etag(order.version()) + ", not " + ifMatch.get() + "; read it again"));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

package com.ordertracking.shared.orders;

import com.ordertracking.shared.aws.AwsClients;
import com.ordertracking.shared.config.Settings;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.Pricing;
import com.ordertracking.shared.http.Problem;
import com.ordertracking.shared.http.ProblemException;
import com.ordertracking.shared.json.Json;
import com.ordertracking.shared.persistence.DynamoOrderRepository;
import com.ordertracking.shared.persistence.OrderRepository;
import com.ordertracking.shared.persistence.OrderRepository.CreateResult;
import com.ordertracking.shared.persistence.OrderRepository.IdempotencyClaim;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The seller's order use cases: create (idempotently) and read. */
public final class OrderService {
    /** How long an {@code Idempotency-Key} protects against duplicates. */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final OrderRepository orders;
    private final Clock clock;
    private final Supplier<String> orderIds;

    public OrderService(OrderRepository orders, Clock clock, Supplier<String> orderIds) {
        this.orders = orders;
        this.clock = clock;
        this.orderIds = orderIds;
    }

    /** Wires the service from the function environment: {@code ORDERS_TABLE} and the AWS settings. */
    public static OrderService fromEnvironment() {
        Settings settings = Settings.fromEnvironment();
        DynamoDbClient dynamoDb = new AwsClients(settings).dynamoDb();
        return new OrderService(new DynamoOrderRepository(dynamoDb, settings.required("ORDERS_TABLE"),
                Clock.systemUTC()), Clock.systemUTC(), OrderIds::next);
    }

    /** The outcome of a create: the order, and whether it is a replay of an earlier request. */
    public record Created(Order order, boolean replayed) {
    }

    public Created create(String sellerId, NewOrder request, String idempotencyKey) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new ProblemException(Problem.badRequest("invalid-idempotency-key",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Pricing.Priced priced = Pricing.price(request.currency(), request.items(), request.discount(),
                request.shippingFee());
        Order order = new Order(orderIds.get(), sellerId, request.buyer(), priced.items(),
                request.shippingAddress(), request.currency().getCurrencyCode(), priced.discount(),
                priced.totals(), OrderStatus.PENDING, 1, now, now, null);
        IdempotencyClaim claim = idempotencyKey == null ? null : new IdempotencyClaim(sellerId, idempotencyKey,
                hash(request), now.plus(IDEMPOTENCY_WINDOW).getEpochSecond());
        return switch (orders.create(order, claim)) {
            case CreateResult.Created created -> new Created(created.order(), false);
            case CreateResult.Replayed replayed -> new Created(replayed.order(), true);
            case CreateResult.KeyReused reused -> throw new ProblemException(Problem.unprocessable(
                    "idempotency-key-reused",
                    "Idempotency-Key " + idempotencyKey + " was already used for a different request (order "
                            + reused.existingOrderId() + "); use a new key for a new order"));
        };
    }

    /** The seller's own order; another seller's order is indistinguishable from a missing one. */
    public Order getForSeller(String sellerId, String orderId) {
        return orders.find(orderId)
                .filter(order -> order.sellerId().equals(sellerId))
                .orElseThrow(() -> new ProblemException(Problem.notFound("Order " + orderId + " was not found")));
    }

    /** Canonical hash of a validated request: formatting and field order do not matter. */
    static String hash(NewOrder request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.ordertracking.shared.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.aws.AwsClients;
import com.ordertracking.shared.config.Settings;
import com.ordertracking.shared.domain.Compensation;
import com.ordertracking.shared.domain.Coupon;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.http.Problem;
import com.ordertracking.shared.http.ProblemException;
import com.ordertracking.shared.persistence.DynamoOrderRepository;
import com.ordertracking.shared.persistence.OrderRepository;
import com.ordertracking.shared.persistence.VersionConflictException;
import com.ordertracking.shared.tracking.DelayRules;
import com.ordertracking.shared.validation.JsonFields;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code POST /orders/{orderId}/compensations}: a seller's goodwill coupon for the buyer of an order
 * that is or was delayed. The coupon (one use, that buyer only, 90 days, generated code), the order's
 * {@code compensations} entry (which the outbox turns into {@code CompensationOffered}) and a NOTE on
 * the timeline are one transaction.
 */
public final class CompensationService {
    public static final Duration VALIDITY = Duration.ofDays(90);
    static final int MAX_ATTEMPTS = 4;
    private static final Set<String> FIELDS = Set.of("type", "percentOff", "amountOff");
    /** Unambiguous when read aloud or typed from an SMS (no 0/O, 1/I/L). */
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OrderRepository orders;
    private final Clock clock;
    private final Supplier<String> codes;

    public CompensationService(OrderRepository orders, Clock clock, Supplier<String> codes) {
        this.orders = orders;
        this.clock = clock;
        this.codes = codes;
    }

    public static CompensationService fromEnvironment() {
        Settings settings = Settings.fromEnvironment();
        return new CompensationService(new DynamoOrderRepository(new AwsClients(settings).dynamoDb(),
                settings.required("ORDERS_TABLE"), Clock.systemUTC(), DelayRules.from(settings)),
                Clock.systemUTC(), CompensationService::newCode);
    }

    /** {@code SORRY-} and 8 random characters (31^8 ≈ 8.5·10^11 codes; a taken one is drawn again). */
    public static String newCode() {
        StringBuilder code = new StringBuilder("SORRY-");
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    /** The coupon offered: what the API answers with. */
    public record Offered(String orderId, String code, BigDecimal percentOff, BigDecimal amountOff, String currency,
            Instant validUntil) {
    }

    public Offered offer(String sellerId, String orderId, JsonNode body) {
        Order order = load(sellerId, orderId);
        JsonFields fields = JsonFields.root(body);
        fields.throwIfInvalid();
        fields.rejectUnknown(FIELDS);
        String type = fields.requiredText("type", 20);
        if (type != null && !type.equals(Compensation.COUPON)) {
            fields.error("type", "must be \"coupon\"");
        }
        Currency currency = Currency.getInstance(order.currency());
        BigDecimal percentOff = fields.optionalDecimal("percentOff");
        BigDecimal amountOff = OrderRequests.amount(fields, "amountOff", currency, false);
        if (fields.has("percentOff") == fields.has("amountOff")) {
            fields.error("percentOff", "give exactly one of percentOff or amountOff");
        }
        if (percentOff != null && (percentOff.signum() <= 0 || percentOff.compareTo(BigDecimal.valueOf(100)) > 0)) {
            fields.error("percentOff", "must be greater than 0 and at most 100");
        }
        if (amountOff != null && amountOff.signum() == 0) {
            fields.error("amountOff", "must be greater than 0");
        }
        fields.throwIfInvalid();
        for (int attempt = 1; ; attempt++) {
            if (order.delay() == null && orders.timeline(orderId).stream()
                    .noneMatch(entry -> entry.kind() == TimelineEntry.Kind.DELAY)) {
                throw new ProblemException(Problem.conflict("order-not-delayed", "Order " + orderId
                        + " is not and was not delayed; goodwill compensations are for delayed orders"));
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Instant validUntil = now.plus(VALIDITY);
            String code = codes.get();
            String amountCurrency = amountOff == null ? null : order.currency();
            Coupon coupon = new Coupon(sellerId, code, "Goodwill coupon for delayed order " + orderId, percentOff,
                    amountOff, amountCurrency, now, validUntil, 1, 1, 1, 0, now, order.buyer().id());
            Order compensated = order.withCompensation(new Compensation(Compensation.COUPON, code, percentOff,
                    amountOff, amountCurrency, validUntil, now));
            TimelineEntry note = TimelineEntry.note("compensation-" + code, now, order.status(),
                    "Goodwill coupon " + code + " sent", "seller");
            try {
                if (orders.compensate(compensated, List.of(note), coupon)) {
                    return new Offered(orderId, code, percentOff, amountOff, amountCurrency, validUntil);
                }
                // The code is taken (a one in 10^11 draw): draw another.
            } catch (VersionConflictException e) {
                // A tracking update or the monitor wrote first: compensate the current order.
                order = load(sellerId, orderId);
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("Could not store a compensation for " + orderId + " after "
                        + MAX_ATTEMPTS + " attempts");
            }
        }
    }

    private Order load(String sellerId, String orderId) {
        return orders.find(orderId)
                .filter(order -> order.sellerId().equals(sellerId))
                .orElseThrow(() -> new ProblemException(Problem.notFound("Order " + orderId + " was not found")));
    }
}

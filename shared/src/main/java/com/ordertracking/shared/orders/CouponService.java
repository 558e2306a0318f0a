package com.ordertracking.shared.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.aws.AwsClients;
import com.ordertracking.shared.config.Settings;
import com.ordertracking.shared.domain.Coupon;
import com.ordertracking.shared.http.Problem;
import com.ordertracking.shared.http.ProblemException;
import com.ordertracking.shared.persistence.CouponRepository;
import com.ordertracking.shared.persistence.DynamoCouponRepository;
import com.ordertracking.shared.validation.JsonFields;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Set;

/** Sellers' coupons: {@code POST /coupons}. Redemption happens when an order names the code. */
public final class CouponService {
    private static final Set<String> FIELDS = Set.of("code", "description", "percentOff", "amountOff", "currency",
            "validFrom", "validUntil", "minQuantity", "maxRedemptions", "maxRedemptionsPerBuyer");

    private final CouponRepository coupons;
    private final Clock clock;

    public CouponService(CouponRepository coupons, Clock clock) {
        this.coupons = coupons;
        this.clock = clock;
    }

    public static CouponService fromEnvironment() {
        Settings settings = Settings.fromEnvironment();
        return new CouponService(new DynamoCouponRepository(new AwsClients(settings).dynamoDb(),
                settings.required("ORDERS_TABLE")), Clock.systemUTC());
    }

    /** Validates a {@code POST /coupons} body (every mistake named) and stores the coupon; a taken code is 409. */
    public Coupon create(String sellerId, JsonNode body) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        JsonFields fields = JsonFields.root(body);
        fields.throwIfInvalid();
        fields.rejectUnknown(FIELDS);
        String code = OrderRequests.couponCode(fields, "code", true);
        String description = fields.optionalText("description", 200);
        Currency currency = fields.has("currency") ? OrderRequests.currency(fields) : null;
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
        if (amountOff != null && !fields.has("currency")) {
            fields.error("currency", "is required with amountOff");
        }
        Instant validFrom = OrderRequests.instant(fields, "validFrom", false);
        Instant validUntil = OrderRequests.instant(fields, "validUntil", true);
        if (validFrom == null) {
            validFrom = now;
        }
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            fields.error("validUntil", "must be after validFrom");
        } else if (validUntil != null && !validUntil.isAfter(now)) {
            fields.error("validUntil", "must be in the future");
        }
        Integer minQuantity = fields.optionalInt("minQuantity", 1, OrderRequests.MAX_QUANTITY);
        Integer maxRedemptions = fields.optionalInt("maxRedemptions", 1, 10_000_000);
        Integer perBuyer = fields.optionalInt("maxRedemptionsPerBuyer", 1, 10_000);
        fields.throwIfInvalid();
        Coupon coupon = new Coupon(sellerId, code, description, percentOff, amountOff,
                currency == null ? null : currency.getCurrencyCode(), validFrom, validUntil,
                minQuantity == null ? 1 : minQuantity, maxRedemptions, perBuyer, 0, now, null);
        if (!coupons.create(coupon)) {
            throw new ProblemException(Problem.conflict("coupon-code-taken",
                    "You already have a coupon with code " + code + "; choose another code"));
        }
        return coupon;
    }
}

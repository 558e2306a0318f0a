package com.ordertracking.shared.application.order;

import com.ordertracking.shared.application.ConflictException;
import com.ordertracking.shared.application.InvalidRequestException;
import com.ordertracking.shared.application.NotFoundException;
import com.ordertracking.shared.application.UnprocessableException;
import com.ordertracking.shared.application.order.OrderRepository.IdempotencyClaim;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.ReturnShipment;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.domain.tracking.CarrierNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Attaching the return shipment of an approved return, by the seller or the buyer: the rules are
 * {@link ReturnShipment#attach}; the shipment, its tracking-number registration and a timeline entry are one
 * transaction; then carrier events that arrived for the number before it was known are released to the
 * tracking processor (as {@link FulfilmentService#ship} does).
 */
public final class ReturnShipmentService {
    /** Lost races (a concurrent attach or decision) are re-read and re-decided this often. */
    private static final int MAX_ATTEMPTS = 4;

    private final OrderRepository orders;
    private final ReturnShipmentRepository returns;
    private final Optional<ParkedTrackingEvents> parked;
    private final Clock clock;
    private final OrderAccess access;

    public ReturnShipmentService(OrderRepository orders, ReturnShipmentRepository returns,
            Optional<ParkedTrackingEvents> parked, Clock clock) {
        this.orders = orders;
        this.returns = returns;
        this.parked = parked;
        this.clock = clock;
        this.access = new OrderAccess(orders);
    }

    /** Who attaches: a seller for its own order, a buyer for an order placed for it. */
    public enum Party { SELLER, BUYER }

    /** A validated {@code {carrier, trackingNumber}}. */
    public record Parcel(String carrier, String trackingNumber) {
    }

    /** The attached shipment, and whether this request repeated an earlier one. */
    public record Attached(ReturnShipment shipment, boolean replayed) {
    }

    public Attached attach(Party party, String callerId, String orderId, String returnId, Parcel parcel,
            String idempotencyKey) {
        if (idempotencyKey != null && !OrderService.IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException("invalid-idempotency-key",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        String by = party.name().toLowerCase(java.util.Locale.ROOT);
        IdempotencyClaim claim = idempotencyKey == null ? null : new IdempotencyClaim(by + ":" + callerId,
                idempotencyKey, hash(orderId, returnId, parcel), now().plus(OrderService.IDEMPOTENCY_WINDOW).getEpochSecond());
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Order order = party == Party.SELLER ? access.sellers(callerId, orderId) : access.buyers(callerId, orderId);
            Optional<String> earlier = claim == null ? Optional.empty() : returns.claimedRequest(claim);
            if (earlier.isPresent() && !earlier.get().equals(claim.requestHash())) {
                throw new UnprocessableException("idempotency-key-reused", "Idempotency-Key " + idempotencyKey
                        + " was already used for a different request; use a new key for a new request");
            }
            Instant now = now();
            switch (ReturnShipment.attach(order, returnId, returns.find(orderId, returnId), parcel.carrier(),
                    parcel.trackingNumber(), by, now)) {
                case ReturnShipment.Attach.Repeat repeat -> {
                    release(parcel);
                    return new Attached(repeat.shipment(), true);
                }
                case ReturnShipment.Attach.Refused refused -> throw refusal(refused.refusal(), order, returnId);
                case ReturnShipment.Attach.New created -> {
                    TimelineEntry entry = TimelineEntry.note("return-shipment-" + returnId, now, order.status(),
                            "Return shipment attached by the " + by + ": " + CarrierNames.displayName(parcel.carrier())
                                    + " " + parcel.trackingNumber(), by);
                    switch (returns.attach(created.shipment(), entry, claim)) {
                        case ATTACHED -> {
                            release(parcel);
                            return new Attached(created.shipment(), false);
                        }
                        case NUMBER_IN_USE -> throw new ConflictException("tracking-number-in-use", "Tracking number "
                                + parcel.trackingNumber() + " of " + parcel.carrier()
                                + " already belongs to another order or shipment");
                        case CHANGED -> {
                            // re-read: the outcome is a repeat, a refusal or a key conflict now
                        }
                    }
                }
            }
        }
        throw new ConflictException("concurrent-modification", "Return " + returnId + " of order " + orderId
                + " kept changing while the shipment was attached; retry the request");
    }

    private static RuntimeException refusal(ReturnShipment.Refusal refusal, Order order, String returnId) {
        return switch (refusal) {
            case UNKNOWN_RETURN -> new NotFoundException("Return " + returnId + " of order " + order.orderId()
                    + " was not found");
            case NOT_APPROVED -> new ConflictException("return-not-approved", "Order " + order.orderId() + " is "
                    + order.status() + "; a return shipment can be attached only while the return is approved"
                    + " (RETURN_APPROVED)");
            case OTHER_SHIPMENT -> new ConflictException("return-shipment-exists", "Return " + returnId
                    + " already has another return shipment; a shipment's tracking number cannot be replaced");
        };
    }

    private void release(Parcel parcel) {
        parked.ifPresent(events -> events.release(parcel.carrier(), parcel.trackingNumber()));
    }

    /** What an {@code Idempotency-Key} is bound to: this return and this parcel. */
    static String hash(String orderId, String returnId, Parcel parcel) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("return-shipment\n" + orderId + "\n"
                    + returnId + "\n" + parcel.carrier() + "\n" + parcel.trackingNumber()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

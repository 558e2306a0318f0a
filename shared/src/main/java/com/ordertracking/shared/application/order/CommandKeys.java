package com.ordertracking.shared.application.order;

import com.ordertracking.shared.application.InvalidRequestException;
import com.ordertracking.shared.application.UnprocessableException;
import com.ordertracking.shared.application.order.OrderCommands.Claim;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code Idempotency-Key} for commands on an existing order (cancellation requests and decisions, refunds,
 * compensations), the same contract as {@code POST /orders}: 1–255 visible ASCII characters, alive for
 * {@link OrderService#IDEMPOTENCY_WINDOW}, one key space per caller (a key reused for another request is
 * {@code 422 idempotency-key-reused}); the claim is written with the command ({@link OrderCommands}).
 */
public final class CommandKeys {
    private final OrderCommands commands;
    private final Clock clock;

    public CommandKeys(OrderCommands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * The claim for this command, or null without a key. {@code command} names the route, {@code request} is the
     * validated body in a canonical form (so equal requests hash equally).
     */
    public Claim claim(String owner, String key, String command, String orderId, String request) {
        if (key == null) {
            return null;
        }
        if (!OrderService.IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new InvalidRequestException("invalid-idempotency-key",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        return new Claim(owner, key, digest(command + "\n" + orderId + "\n" + request),
                clock.instant().plus(OrderService.IDEMPOTENCY_WINDOW).getEpochSecond());
    }

    /**
     * The result of the earlier request with this claim's key: present when this is a retry of it; a key used
     * for a different request is refused.
     */
    public Optional<String> earlierResult(Claim claim) {
        if (claim == null) {
            return Optional.empty();
        }
        return commands.earlier(claim).map(earlier -> {
            if (!earlier.requestHash().equals(claim.requestHash())) {
                throw new UnprocessableException("idempotency-key-reused", "Idempotency-Key " + claim.key()
                        + " was already used for a different request (order " + earlier.orderId()
                        + "); use a new key for a new request");
            }
            return earlier.result();
        });
    }

    /** {@link #earlierResult} when the key was found claimed while writing: the earlier request must be there. */
    public String claimedResult(Claim claim) {
        return earlierResult(claim).orElseThrow(() -> new IllegalStateException(
                "Idempotency record disappeared; retry the request"));
    }

    /** The owner of a buyer's keys (sellers' keys are their id, as for {@code POST /orders}). */
    public static String buyerOwner(String buyerId) {
        return "buyer:" + buyerId;
    }

    /** SHA-256 of {@code text}, lower-case hex. */
    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

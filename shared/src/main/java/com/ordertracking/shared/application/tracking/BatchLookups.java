package com.ordertracking.shared.application.tracking;

import com.ordertracking.shared.application.tracking.TrackingRepository.Registration;
import com.ordertracking.shared.domain.TimelineEntry;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What a whole batch's lookups found in two batch reads before its events are applied one by one: the registration of
 * every carrier + number (absent: unregistered) and which package checkpoints already exist. A carrier burst
 * delivers every event several times, so most messages are recognised as duplicates here without a request of their
 * own. Used for the first attempt only: a conflict or a park that lost a race reads afresh, and every write stays
 * conditional, so a stale answer costs a retry, never a wrong write.
 */
public record BatchLookups(Map<String, Optional<Registration>> registrations, Map<String, Boolean> checkpoints) {
    public BatchLookups {
        registrations = Map.copyOf(registrations);
        checkpoints = Map.copyOf(checkpoints);
    }

    /** Nothing known: every message reads for itself. */
    public static BatchLookups none() {
        return new BatchLookups(Map.of(), Map.of());
    }

    /** The lookup key of a carrier + number. */
    public static String numberKey(String carrier, String trackingNumber) {
        return carrier + "\u0000" + trackingNumber;
    }

    /** The lookup key of a checkpoint of an order. */
    public static String checkpointKey(String orderId, TimelineEntry entry) {
        return orderId + "\u0000" + entry.at() + "\u0000" + entry.entryId();
    }

    /** The registration the batch read found (or its absence); {@code read} when the number was not looked up. */
    Optional<Registration> registration(String carrier, String trackingNumber, Supplier<Optional<Registration>> read) {
        Optional<Registration> known = registrations.get(numberKey(carrier, trackingNumber));
        return known != null ? known : read.get();
    }

    /** Whether the checkpoint existed when the batch was read; {@code read} when it was not looked up. */
    boolean checkpointExists(String orderId, TimelineEntry entry, BooleanSupplier read) {
        Boolean known = checkpoints.get(checkpointKey(orderId, entry));
        return known != null ? known : read.getAsBoolean();
    }
}

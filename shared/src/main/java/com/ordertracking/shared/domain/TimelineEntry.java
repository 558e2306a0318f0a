package com.ordertracking.shared.domain;

import java.time.Instant;

/**
 * One line of an order's timeline: a status change, a carrier checkpoint or a delay. Entries are
 * immutable and stored beside the order; they are read oldest first.
 *
 * @param entryId  unique within the order (for checkpoints: the source's event id)
 * @param at       when it happened (carrier time for checkpoints)
 * @param source   who said so: {@code seller}, {@code buyer}, {@code system} or the carrier/aggregator slug
 * @param packageId the package a checkpoint, shipping or delay is about (null for order-wide entries and for
 *                  orders stored before packages existed)
 */
public record TimelineEntry(
        String entryId,
        Instant at,
        Kind kind,
        OrderStatus status,
        ShipmentStatus shipmentStatus,
        String location,
        String description,
        String source,
        String packageId) {

    /** An order-wide entry (no package). */
    public TimelineEntry(String entryId, Instant at, Kind kind, OrderStatus status, ShipmentStatus shipmentStatus,
            String location, String description, String source) {
        this(entryId, at, kind, status, shipmentStatus, location, description, source, null);
    }

    /** The same entry about one package. */
    public TimelineEntry forPackage(String id) {
        return new TimelineEntry(entryId, at, kind, status, shipmentStatus, location, description, source, id);
    }

    public enum Kind { STATUS_CHANGED, CHECKPOINT, DELAY, NOTE }

    public static TimelineEntry statusChanged(String entryId, Instant at, OrderStatus status, String description,
            String source) {
        return new TimelineEntry(entryId, at, Kind.STATUS_CHANGED, status, null, null, description, source);
    }

    /** A change that is not a status change (address edited, feedback given), in the order's current status. */
    public static TimelineEntry note(String entryId, Instant at, OrderStatus status, String description,
            String source) {
        return new TimelineEntry(entryId, at, Kind.NOTE, status, null, null, description, source);
    }
}

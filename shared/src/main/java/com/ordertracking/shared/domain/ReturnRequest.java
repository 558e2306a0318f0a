package com.ordertracking.shared.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A buyer's return of a delivered order and the seller's handling of it. {@code items} is null when
 * the whole order goes back. {@code decidedAt}/{@code decisionNote} are set on approve or reject,
 * {@code receivedAt} when the parcel is back with the seller.
 */
public record ReturnRequest(
        String returnId,
        String reason,
        List<ReturnItem> items,
        Instant requestedAt,
        Instant decidedAt,
        String decisionNote,
        Instant receivedAt,
        String receivedBy) {

    /** How long after delivery a buyer may ask for a return. */
    public static final Duration WINDOW = Duration.ofDays(30);

    public record ReturnItem(String sku, int quantity) {
    }

    public ReturnRequest {
        items = items == null ? null : List.copyOf(items);
    }

    public ReturnRequest decided(Instant at, String note) {
        return new ReturnRequest(returnId, reason, items, requestedAt, at, note, receivedAt, receivedBy);
    }

    /** Back with the seller, as {@code by} (the seller or a carrier slug) reported at {@code at}. */
    public ReturnRequest received(Instant at, String by) {
        return new ReturnRequest(returnId, reason, items, requestedAt, decidedAt, decisionNote, at, by);
    }

    /** A new request, not yet decided. */
    public static ReturnRequest requested(String returnId, String reason, List<ReturnItem> items, Instant at) {
        return new ReturnRequest(returnId, reason, items, at, null, null, null, null);
    }
}

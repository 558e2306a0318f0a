package com.ordertracking.shared.domain;

import java.time.Instant;

/** The buyer's rating (1–5) of a delivered order, given at most once. */
public record Feedback(int rating, String comment, Instant at) {
    public static final int MIN_RATING = 1;
    public static final int MAX_RATING = 5;
}

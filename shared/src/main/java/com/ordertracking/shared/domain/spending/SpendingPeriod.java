package com.ordertracking.shared.domain.spending;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A report period: whole UTC days, both ends inclusive, at most {@link #MAX_DAYS} days long. */
public record SpendingPeriod(LocalDate from, LocalDate to) {
    public static final int MAX_DAYS = 366;

    public SpendingPeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        if (days(from, to) > MAX_DAYS) {
            throw new IllegalArgumentException("period longer than " + MAX_DAYS + " days");
        }
    }

    /** Number of days from {@code from} to {@code to}, both included. */
    public static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}

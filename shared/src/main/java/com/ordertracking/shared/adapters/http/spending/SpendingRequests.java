package com.ordertracking.shared.adapters.http.spending;

import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.application.FieldError;
import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.domain.spending.SpendingPeriod;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /me/spending?from=&to=}: both required ISO dates (UTC days, inclusive), every mistake named in one 400. */
public final class SpendingRequests {
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    private SpendingRequests() {
    }

    public static SpendingPeriod period(ApiRequest request) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = date(request, "from", errors);
        LocalDate to = date(request, "to", errors);
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                errors.add(new FieldError("from", "must not be after to"));
            } else if (SpendingPeriod.days(from, to) > SpendingPeriod.MAX_DAYS) {
                errors.add(new FieldError("to", "must be at most " + SpendingPeriod.MAX_DAYS
                        + " days after from, both included"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new SpendingPeriod(from, to);
    }

    private static LocalDate date(ApiRequest request, String name, List<FieldError> errors) {
        String value = request.query(name).map(String::strip).orElse(null);
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError(name, "is required (a date, yyyy-mm-dd)"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                errors.add(new FieldError(name, "must be between " + EARLIEST + " and " + LATEST));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date, yyyy-mm-dd"));
            return null;
        }
    }
}

package com.ordertracking.shared.adapters.http.order;

import com.ordertracking.shared.adapters.http.ApiRequest;
import com.ordertracking.shared.application.FieldError;
import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.application.order.OrderRepository.SellerListing;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.validation.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The query parameters of the order listings. Known parameters are validated (every mistake is
 * named in one 400); unknown ones are ignored, as API Gateway clients expect.
 */
public final class Listings {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final int MAX_CURSOR_LENGTH = 2048;

    private Listings() {
    }

    /** A buyer's history page: limit and cursor. */
    public record PageRequest(int limit, String cursor) {
    }

    /** {@code GET /orders?status=&delayed=&createdFrom=&createdTo=&limit=&cursor=}. */
    public static SellerListing seller(String sellerId, ApiRequest request) {
        List<FieldError> errors = new ArrayList<>();
        OrderStatus status = request.query("status").map(value -> {
            try {
                return OrderStatus.valueOf(value);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be one of " + Arrays.toString(OrderStatus.values())));
                return null;
            }
        }).orElse(null);
        Instant from = time(request, "createdFrom", errors);
        Instant to = time(request, "createdTo", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("createdFrom", "must not be after createdTo"));
        }
        boolean delayed = request.query("delayed").map(value -> switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add(new FieldError("delayed", "must be true or false"));
                yield false;
            }
        }).orElse(false);
        PageRequest page = page(request, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new SellerListing(sellerId, status, from, to, page.limit(), page.cursor(), delayed);
    }

    /** {@code GET /me/orders?limit=&cursor=}. */
    public static PageRequest page(ApiRequest request) {
        List<FieldError> errors = new ArrayList<>();
        PageRequest page = page(request, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return page;
    }

    private static PageRequest page(ApiRequest request, List<FieldError> errors) {
        int limit = DEFAULT_LIMIT;
        String rawLimit = request.query("limit").orElse(null);
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit.strip());
                if (limit < 1 || limit > MAX_LIMIT) {
                    errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("limit", "must be a whole number between 1 and " + MAX_LIMIT));
            }
        }
        String cursor = request.query("cursor").orElse(null);
        if (cursor != null && (cursor.isBlank() || cursor.length() > MAX_CURSOR_LENGTH)) {
            errors.add(new FieldError("cursor", "must be the nextCursor of a previous page"));
        }
        return new PageRequest(limit, cursor);
    }

    private static Instant time(ApiRequest request, String name, List<FieldError> errors) {
        String value = request.query(name).orElse(null);
        if (value == null) {
            return null;
        }
        Optional<Instant> time = Times.parse(value);
        if (time.isEmpty()) {
            errors.add(new FieldError(name, Times.invalidMessage(value)));
        }
        return time.orElse(null);
    }
}

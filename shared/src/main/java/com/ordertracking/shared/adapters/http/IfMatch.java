package com.ordertracking.shared.adapters.http;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code If-Match} request header as the order version it names. Our ETags are strong
 * ({@code "3"}); a weak validator never matches under If-Match's strong comparison (RFC 9110
 * 13.1.1), so {@code W/"3"} is a 412 like any stale version, and {@code *} means "any version".
 */
public final class IfMatch {
    private static final Pattern STRONG = Pattern.compile("\"(\\d{1,18})\"");
    private static final Pattern WEAK = Pattern.compile("W/\"\\d{1,18}\"");

    private IfMatch() {
    }

    /** The version the client expects; empty when the header is absent or {@code *}. */
    public static OptionalLong version(ApiRequest request) {
        return request.header("If-Match").map(IfMatch::parse).orElse(OptionalLong.empty());
    }

    /** The version a raw {@code If-Match} value names; empty for {@code *}; 400 when unreadable. */
    public static OptionalLong parse(String header) {
        String value = header == null ? null : header.strip();
        if (value == null || value.equals("*")) {
            return OptionalLong.empty();
        }
        Matcher strong = STRONG.matcher(value);
        if (strong.matches()) {
            return OptionalLong.of(Long.parseLong(strong.group(1)));
        }
        if (WEAK.matcher(value).matches()) {
            return OptionalLong.of(-1); // never a stored version: answered 412
        }
        throw new ProblemException(Problem.badRequest("invalid-if-match",
                "If-Match must be the ETag of the order as returned by GET, e.g. \"3\""));
    }

    /** As {@link #version}, but the header is required (428 when missing). */
    public static long requiredVersion(ApiRequest request) {
        if (request.header("If-Match").isEmpty()) {
            throw new ProblemException(Problem.preconditionRequired(
                    "This change needs an If-Match header with the order's ETag (from GET /orders/{orderId}),"
                            + " so that it cannot overwrite a change you have not seen"));
        }
        OptionalLong version = version(request);
        if (version.isEmpty()) {
            throw new ProblemException(Problem.preconditionRequired(
                    "If-Match: * is not accepted here; send the order's ETag (from GET /orders/{orderId})"));
        }
        return version.getAsLong();
    }
}

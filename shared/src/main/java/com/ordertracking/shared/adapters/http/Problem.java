package com.ordertracking.shared.adapters.http;

import com.ordertracking.shared.application.FieldError;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is a relative URI under {@code /problems/} documented
 * in docs/openapi.yaml; {@code errors} lists field-level mistakes (validation problems only);
 * {@code condition} names the rule a refused coupon failed (e.g. {@code minDeliveredOrders}).
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
        String condition) {

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem("/problems/" + slug, title, status, detail, null, null);
    }

    public static Problem validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + " " + errors.getFirst().message()
                : errors.size() + " fields are invalid; see errors";
        return new Problem("/problems/validation", "Invalid request", 400, detail, null, List.copyOf(errors));
    }

    public static Problem badRequest(String slug, String detail) {
        return of(400, slug, "Bad request", detail);
    }

    public static Problem forbidden(String detail) {
        return of(403, "forbidden", "Forbidden", detail);
    }

    public static Problem notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    public static Problem conflict(String slug, String detail) {
        return of(409, slug, "Conflict", detail);
    }

    /** A refused coupon: which of its conditions failed. */
    public Problem withCondition(String failedCondition) {
        return new Problem(type, title, status, detail, instance, errors, failedCondition);
    }

    public static Problem preconditionFailed(String detail) {
        return of(412, "precondition-failed", "Precondition failed", detail);
    }

    public static Problem preconditionRequired(String detail) {
        return of(428, "precondition-required", "Precondition required", detail);
    }

    public static Problem unprocessable(String slug, String detail) {
        return of(422, slug, "Unprocessable request", detail);
    }

    public Problem atInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, condition);
    }
}

package com.ordertracking.shared.application;

/** The request is well-formed but conflicts with the current state; {@code code} names the reason (a problem slug). */
public final class ConflictException extends UseCaseException {
    private final String code;
    private final String condition;

    public ConflictException(String code, String detail) {
        this(code, detail, null);
    }

    /** {@code condition}: the rule that failed, when the caller needs it by name (a coupon's condition). */
    public ConflictException(String code, String detail, String condition) {
        super(detail);
        this.code = code;
        this.condition = condition;
    }

    public String condition() {
        return condition;
    }

    public String code() {
        return code;
    }
}

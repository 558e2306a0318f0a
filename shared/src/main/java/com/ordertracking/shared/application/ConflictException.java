package com.ordertracking.shared.application;

/** The request is well-formed but conflicts with the current state; {@code code} names the reason (a problem slug). */
public final class ConflictException extends UseCaseException {
    private final String code;

    public ConflictException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

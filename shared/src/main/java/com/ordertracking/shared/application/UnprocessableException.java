package com.ordertracking.shared.application;

/** A valid request that cannot be carried out as asked (e.g. an idempotency key reused for another request). */
public final class UnprocessableException extends UseCaseException {
    private final String code;

    public UnprocessableException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

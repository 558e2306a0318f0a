package com.ordertracking.shared.application;

/** A malformed request value that is not a body field (a header, a key); {@code code} names it (a problem slug). */
public final class InvalidRequestException extends UseCaseException {
    private final String code;

    public InvalidRequestException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

package com.ordertracking.shared.application;

/**
 * A use case refused a request for a reason its caller must hear about. The use cases know nothing of
 * HTTP: each adapter maps these kinds to its own protocol (the HTTP adapter to RFC 9457 problems).
 */
public abstract sealed class UseCaseException extends RuntimeException
        permits ValidationException, InvalidRequestException, NotFoundException, ConflictException,
        StaleVersionException, VersionConflictException, UnprocessableException {

    protected UseCaseException(String message) {
        super(message, null, false, false);
    }
}

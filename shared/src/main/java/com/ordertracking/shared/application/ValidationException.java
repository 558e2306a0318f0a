package com.ordertracking.shared.application;

import java.util.List;

/** Every field error of a request at once; the API answers 400 problem+json listing them. */
public final class ValidationException extends UseCaseException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s): " + errors);
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}

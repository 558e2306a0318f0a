package com.ordertracking.shared.application;

/** One invalid field: a JSON-pointer-like path ({@code items[0].quantity}) and what is wrong. */
public record FieldError(String field, String message) {
}

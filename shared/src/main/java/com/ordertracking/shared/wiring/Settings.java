package com.ordertracking.shared.wiring;

import java.util.Map;
import java.util.Optional;

/** Typed view over a function's environment variables, captured once per container. */
public record Settings(Map<String, String> values) {

    public Settings {
        values = Map.copyOf(values);
    }

    /** The active function environment (see {@link FunctionEnvironment}). */
    public static Settings fromEnvironment() {
        return new Settings(FunctionEnvironment.all());
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(values);
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException(
                "Environment variable " + name + " is not set; it is defined per function in template.yaml"));
    }

    public String get(String name, String fallback) {
        return optional(name).orElse(fallback);
    }
}

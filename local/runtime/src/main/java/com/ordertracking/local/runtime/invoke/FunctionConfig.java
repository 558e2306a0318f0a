package com.ordertracking.local.runtime.invoke;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the runtime needs to host one function; mirrors the SAM function properties it cares about.
 *
 * @param name        logical function name (also used as the Lambda function name)
 * @param handler     {@code com.x.Foo} or {@code com.x.Foo::method}
 * @param environment the function's Environment.Variables
 * @param timeout     Lambda timeout (SAM default 3 s when null)
 * @param memoryMb    reported by {@code Context.getMemoryLimitInMB()} (128 when 0)
 * @param region      reported region (us-east-1 when null)
 */
public record FunctionConfig(String name, String handler, Map<String, String> environment, Duration timeout,
                             int memoryMb, String region) {

    public FunctionConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
        memoryMb = memoryMb <= 0 ? 128 : memoryMb;
        region = region == null ? "us-east-1" : region;
    }

    public FunctionConfig(String name, String handler, Map<String, String> environment) {
        this(name, handler, environment, null, 0, null);
    }
}

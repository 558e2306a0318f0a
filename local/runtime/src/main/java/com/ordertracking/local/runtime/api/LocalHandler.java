package com.ordertracking.local.runtime.api;

import java.util.Map;

/** A developer endpoint under {@code /_local/}: not a Lambda, just Java code with the raw request. */
@FunctionalInterface
public interface LocalHandler {

    LocalResponse handle(RawRequest request, Map<String, String> pathParameters) throws Exception;
}

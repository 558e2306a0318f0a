package com.ordertracking.local.runtime.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** An HTTP request as received, independent of the server implementation (so event building is unit-testable). */
public record RawRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                         byte[] body, String sourceIp, String protocol) {

    public RawRequest {
        rawQuery = rawQuery == null ? "" : rawQuery;
        headers = headers == null ? Map.of() : headers;
        body = body == null ? new byte[0] : body;
    }

    /** First value of a header, case-insensitively. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

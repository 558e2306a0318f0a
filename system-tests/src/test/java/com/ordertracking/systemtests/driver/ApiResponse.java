package com.ordertracking.systemtests.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.json.Json;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/** An API answer as a client sees it: status, headers (lower-case names, first value) and body. */
public record ApiResponse(int status, Map<String, String> headers, String body) {
    public ApiResponse {
        body = body == null ? "" : body;
    }

    /** The body parsed as JSON (an empty object when there is no body). */
    public JsonNode json() {
        try {
            return body.isBlank() ? Json.MAPPER.createObjectNode() : Json.parse(body);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}

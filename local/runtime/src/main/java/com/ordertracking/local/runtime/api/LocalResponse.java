package com.ordertracking.local.runtime.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** An HTTP response to write back; headers may repeat (e.g. set-cookie). */
public record LocalResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public static LocalResponse json(int status, String json) {
        return new LocalResponse(status, Map.of("content-type", List.of("application/json")),
                json.getBytes(StandardCharsets.UTF_8));
    }

    /** API Gateway's own error shape: {@code {"message":"..."}}. */
    public static LocalResponse message(int status, String message) {
        return json(status, "{\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
    }
}

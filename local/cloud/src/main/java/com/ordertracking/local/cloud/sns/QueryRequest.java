package com.ordertracking.local.cloud.sns;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flattened parameters of an AWS query-protocol request ({@code Action=...&Attributes.entry.1.key=...}).
 * Maps come as {@code Prefix.entry.N.key/value} (or other key/value names), lists as {@code Prefix.member.N}.
 */
record QueryRequest(Map<String, String> params) {

    static QueryRequest parse(String... formEncodedParts) {
        Map<String, String> params = new HashMap<>();
        for (String part : formEncodedParts) {
            if (part == null || part.isEmpty()) {
                continue;
            }
            for (String pair : part.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.put(name, value);
            }
        }
        return new QueryRequest(Map.copyOf(params));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    String action() {
        return params.get("Action");
    }

    String optional(String name) {
        return params.get(name);
    }

    /** Present and not empty, else InvalidParameter as SNS reports it. */
    String required(String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw SnsException.invalidParameter(name + " is required");
        }
        return value;
    }

    /** {@code prefix.entry.N.keyName} / {@code prefix.entry.N.valueName}, in N order. */
    Map<String, String> map(String prefix, String keyName, String valueName) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int n = 1; params.containsKey(prefix + ".entry." + n + "." + keyName); n++) {
            String base = prefix + ".entry." + n + ".";
            map.put(params.get(base + keyName), params.getOrDefault(base + valueName, ""));
        }
        return map;
    }

    /** {@code prefix.member.N}, in N order. */
    List<String> list(String prefix) {
        List<String> list = new ArrayList<>();
        for (int n = 1; params.containsKey(prefix + ".member." + n); n++) {
            list.add(params.get(prefix + ".member." + n));
        }
        return list;
    }

    /** Number of structures {@code prefix.member.N.*} present. */
    int memberCount(String prefix) {
        int n = 0;
        while (hasAnyWithPrefix(prefix + ".member." + (n + 1) + ".")) {
            n++;
        }
        return n;
    }

    /** The parameters of {@code prefix.member.N} with that prefix stripped, as a request of their own. */
    QueryRequest member(String prefix, int n) {
        String base = prefix + ".member." + n + ".";
        Map<String, String> sub = new HashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(base)) {
                sub.put(name.substring(base.length()), value);
            }
        });
        return new QueryRequest(Map.copyOf(sub));
    }

    /**
     * {@code prefix.entry.N.Name} with {@code .Value.DataType}, {@code .Value.StringValue}, {@code .Value.BinaryValue}.
     */
    Map<String, MessageAttribute> messageAttributes(String prefix) {
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        for (int n = 1; params.containsKey(prefix + ".entry." + n + ".Name"); n++) {
            String base = prefix + ".entry." + n + ".";
            String name = params.get(base + "Name");
            String dataType = params.get(base + "Value.DataType");
            if (dataType == null || dataType.isEmpty()) {
                throw SnsException.invalidParameter(
                        "The message attribute '" + name + "' must contain non-empty message attribute type.");
            }
            String value = dataType.startsWith("Binary")
                    ? params.get(base + "Value.BinaryValue")
                    : params.get(base + "Value.StringValue");
            if (value == null) {
                throw SnsException.invalidParameter(
                        "The message attribute '" + name + "' must contain non-empty message attribute value.");
            }
            attributes.put(name, new MessageAttribute(dataType, value));
        }
        return attributes;
    }

    private boolean hasAnyWithPrefix(String prefix) {
        return params.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }
}

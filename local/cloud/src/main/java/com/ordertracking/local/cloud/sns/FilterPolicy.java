package com.ordertracking.local.cloud.sns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The SNS subscription filter policy language, for both scopes.
 *
 * <p>Supported: exact strings, numbers, {@code true}/{@code false}/{@code null} (body only), {@code prefix},
 * {@code suffix} (both also with {@code equals-ignore-case}), {@code equals-ignore-case}, {@code anything-but}
 * (a value, a list, or {@code prefix}/{@code suffix}/{@code equals-ignore-case}), {@code numeric} (= or a one- or
 * two-sided range), {@code exists}, IPv4 {@code cidr}, {@code $or}, nested keys in the body scope. Keys are ANDed,
 * the values listed for a key are ORed, and a message value that is an array matches when any element matches.
 *
 * <p>Typing follows SNS: numeric conditions only match numbers ({@code Number} attributes, JSON numbers), string
 * conditions only match strings, and {@code Binary} attributes only satisfy {@code exists}.
 */
public final class FilterPolicy {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a policy looks: the value of the subscription attribute {@code FilterPolicyScope}. */
    public enum Scope {
        MESSAGE_ATTRIBUTES("MessageAttributes"),
        MESSAGE_BODY("MessageBody");

        private final String attributeValue;

        Scope(String attributeValue) {
            this.attributeValue = attributeValue;
        }

        public String attributeValue() {
            return attributeValue;
        }

        /** Parses the attribute value; {@code null} or empty means the SNS default, MessageAttributes. */
        public static Scope fromAttributeValue(String value) {
            if (value == null || value.isEmpty()) {
                return MESSAGE_ATTRIBUTES;
            }
            for (Scope scope : values()) {
                if (scope.attributeValue.equals(value)) {
                    return scope;
                }
            }
            throw new IllegalArgumentException("FilterPolicyScope must be MessageAttributes or MessageBody: " + value);
        }
    }

    private final Scope scope;
    private final Expr root;

    private FilterPolicy(Scope scope, Expr root) {
        this.scope = scope;
        this.root = root;
    }

    /**
     * Parses and validates a policy.
     *
     * @throws IllegalArgumentException with a message fit for an {@code InvalidParameter} error
     */
    public static FilterPolicy parse(String json, Scope scope) {
        Objects.requireNonNull(scope, "scope");
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Filter policy is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("Filter policy must be a JSON object");
        }
        return new FilterPolicy(scope, parseObject(node, List.of(), scope));
    }

    public Scope scope() {
        return scope;
    }

    /** Applies the policy in its own scope to a message. */
    public boolean matches(Map<String, MessageAttribute> attributes, String body) {
        return scope == Scope.MESSAGE_BODY ? matchesBody(body) : matchesAttributes(attributes);
    }

    public boolean matchesAttributes(Map<String, MessageAttribute> attributes) {
        Map<List<String>, List<Value>> fields = new HashMap<>();
        attributes.forEach((name, attribute) -> fields.put(List.of(name), attributeValues(attribute)));
        return root.matches(fields);
    }

    /** A body that is not a JSON object matches nothing, as in SNS. */
    public boolean matchesBody(String body) {
        JsonNode node;
        try {
            node = body == null ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return false;
        }
        if (node == null || !node.isObject()) {
            return false;
        }
        Map<List<String>, List<Value>> fields = new HashMap<>();
        flatten(node, List.of(), fields);
        return root.matches(fields);
    }

    // ---- message side ----

    /** A scalar found in the message. */
    sealed interface Value permits Str, Num, Bool, Null {}

    record Str(String value) implements Value {}

    record Num(BigDecimal value) implements Value {}

    record Bool(boolean value) implements Value {}

    record Null() implements Value {}

    private static List<Value> attributeValues(MessageAttribute attribute) {
        if (attribute.isBinary()) {
            return List.of();
        }
        if (attribute.isNumber()) {
            BigDecimal number = parseNumber(attribute.value());
            return List.of(number == null ? new Str(attribute.value()) : new Num(number));
        }
        if (attribute.isStringArray()) {
            try {
                JsonNode array = JSON.readTree(attribute.value());
                if (array != null && array.isArray()) {
                    List<Value> values = new ArrayList<>();
                    array.forEach(element -> {
                        if (!element.isContainerNode()) {
                            values.add(scalar(element));
                        }
                    });
                    return values;
                }
            } catch (JsonProcessingException e) {
                // Not an array after all: fall through and compare it as a plain string.
            }
        }
        return List.of(new Str(attribute.value()));
    }

    private static void flatten(JsonNode node, List<String> path, Map<List<String>, List<Value>> fields) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(e.getValue(), append(path, e.getKey()), fields));
        } else if (node.isArray()) {
            node.forEach(element -> flatten(element, path, fields));
        } else {
            fields.computeIfAbsent(path, p -> new ArrayList<>()).add(scalar(node));
        }
    }

    private static Value scalar(JsonNode node) {
        if (node.isNumber()) {
            return new Num(node.decimalValue());
        }
        if (node.isBoolean()) {
            return new Bool(node.booleanValue());
        }
        if (node.isNull()) {
            return new Null();
        }
        return new Str(node.asText());
    }

    static BigDecimal parseNumber(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- policy side ----

    sealed interface Expr permits All, AnyOf, Field {
        boolean matches(Map<List<String>, List<Value>> fields);
    }

    /** Every key of one policy object. */
    record All(List<Expr> parts) implements Expr {
        @Override
        public boolean matches(Map<List<String>, List<Value>> fields) {
            return parts.stream().allMatch(p -> p.matches(fields));
        }
    }

    /** {@code $or}. */
    record AnyOf(List<Expr> alternatives) implements Expr {
        @Override
        public boolean matches(Map<List<String>, List<Value>> fields) {
            return alternatives.stream().anyMatch(a -> a.matches(fields));
        }
    }

    /** One key with its list of alternative conditions. */
    record Field(List<String> path, List<Condition> conditions) implements Expr {
        @Override
        public boolean matches(Map<List<String>, List<Value>> fields) {
            List<Value> values = fields.get(path);
            for (Condition condition : conditions) {
                if (condition instanceof Exists(boolean wanted)) {
                    if ((values != null) == wanted) {
                        return true;
                    }
                } else if (values != null && values.stream().anyMatch(v -> test(condition, v))) {
                    return true;
                }
            }
            return false;
        }
    }

    sealed interface Condition permits Equals, Numeric, Prefix, Suffix, EqualsIgnoreCase, AnythingBut, Exists, Cidr {}

    record Equals(Value expected) implements Condition {}

    record Numeric(List<Bound> bounds) implements Condition {}

    record Bound(String operator, BigDecimal operand) {
        boolean test(BigDecimal n) {
            int c = n.compareTo(operand);
            return switch (operator) {
                case "=" -> c == 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> throw new IllegalStateException(operator);
            };
        }
    }

    record Prefix(String prefix, boolean ignoreCase) implements Condition {}

    record Suffix(String suffix, boolean ignoreCase) implements Condition {}

    record EqualsIgnoreCase(String expected) implements Condition {}

    /** Matches a value that none of {@code excluded} matches. */
    record AnythingBut(List<Condition> excluded) implements Condition {}

    record Exists(boolean wanted) implements Condition {}

    record Cidr(long network, long mask) implements Condition {
        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            Long address = slash < 0 ? null : ipv4(text.substring(0, slash));
            int bits;
            try {
                bits = slash < 0 ? -1 : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (address == null || bits < 0 || bits > 32) {
                throw new IllegalArgumentException("Malformed CIDR, only IPv4 is supported: " + text);
            }
            long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            return new Cidr(address & mask, mask);
        }

        boolean contains(String ip) {
            Long address = ipv4(ip);
            return address != null && (address & mask) == network;
        }

        /** Parsed by hand: InetAddress would try DNS for anything that is not a literal. */
        private static Long ipv4(String text) {
            String[] parts = text.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            long address = 0;
            for (String part : parts) {
                if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                    return null;
                }
                int octet = Integer.parseInt(part);
                if (octet > 255) {
                    return null;
                }
                address = (address << 8) | octet;
            }
            return address;
        }
    }

    private static boolean test(Condition condition, Value value) {
        return switch (condition) {
            case Equals(Value expected) -> sameValue(expected, value);
            case Numeric(List<Bound> bounds) -> value instanceof Num(BigDecimal n) && bounds.stream().allMatch(b -> b.test(n));
            case Prefix(String prefix, boolean ignoreCase) ->
                    value instanceof Str(String s) && s.regionMatches(ignoreCase, 0, prefix, 0, prefix.length());
            case Suffix(String suffix, boolean ignoreCase) -> value instanceof Str(String s)
                    && s.length() >= suffix.length()
                    && s.regionMatches(ignoreCase, s.length() - suffix.length(), suffix, 0, suffix.length());
            case EqualsIgnoreCase(String expected) -> value instanceof Str(String s) && s.equalsIgnoreCase(expected);
            case AnythingBut(List<Condition> excluded) -> excluded.stream().noneMatch(c -> test(c, value));
            case Exists(boolean wanted) -> wanted;
            case Cidr cidr -> value instanceof Str(String s) && cidr.contains(s);
        };
    }

    private static boolean sameValue(Value expected, Value actual) {
        return switch (expected) {
            case Num(BigDecimal e) -> actual instanceof Num(BigDecimal a) && e.compareTo(a) == 0;
            case Str s -> s.equals(actual);
            case Bool b -> b.equals(actual);
            case Null n -> n.equals(actual);
        };
    }

    private static Expr parseObject(JsonNode object, List<String> prefix, Scope scope) {
        List<Expr> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.equals("$or")) {
                if (!value.isArray() || value.size() < 2) {
                    throw new IllegalArgumentException("$or must be an array of at least two objects");
                }
                List<Expr> alternatives = new ArrayList<>();
                for (JsonNode alternative : value) {
                    if (!alternative.isObject() || alternative.isEmpty()) {
                        throw new IllegalArgumentException("$or alternatives must be non-empty objects");
                    }
                    alternatives.add(parseObject(alternative, prefix, scope));
                }
                parts.add(new AnyOf(List.copyOf(alternatives)));
            } else if (value.isArray()) {
                parts.add(new Field(append(prefix, key), parseConditions(key, value)));
            } else if (value.isObject()) {
                if (scope == Scope.MESSAGE_ATTRIBUTES) {
                    throw new IllegalArgumentException(
                            "Nested key '" + key + "' needs FilterPolicyScope MessageBody; attribute values must be arrays");
                }
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("Empty object for key '" + key + "'");
                }
                parts.add(parseObject(value, append(prefix, key), scope));
            } else {
                throw new IllegalArgumentException("Value of '" + key + "' must be an array of match conditions");
            }
        }
        return new All(List.copyOf(parts));
    }

    private static List<Condition> parseConditions(String key, JsonNode array) {
        if (array.isEmpty()) {
            throw new IllegalArgumentException("Empty array for key '" + key + "'");
        }
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode element : array) {
            if (element.isContainerNode() && !element.isObject()) {
                throw new IllegalArgumentException("Match value must be String, number, true, false, or null");
            }
            conditions.add(element.isObject() ? parseOperator(element) : new Equals(scalar(element)));
        }
        return List.copyOf(conditions);
    }

    private static Condition parseOperator(JsonNode object) {
        if (object.size() != 1) {
            throw new IllegalArgumentException("A match operator object must have exactly one key: " + object);
        }
        Map.Entry<String, JsonNode> entry = object.properties().iterator().next();
        JsonNode operand = entry.getValue();
        return switch (entry.getKey()) {
            case "prefix" -> new Prefix(caseAwareText("prefix", operand), ignoresCase(operand));
            case "suffix" -> new Suffix(caseAwareText("suffix", operand), ignoresCase(operand));
            case "equals-ignore-case" -> new EqualsIgnoreCase(text("equals-ignore-case", operand));
            case "anything-but" -> parseAnythingBut(operand);
            case "numeric" -> parseNumeric(operand);
            case "exists" -> {
                if (!operand.isBoolean()) {
                    throw new IllegalArgumentException("exists match pattern must be either true or false");
                }
                yield new Exists(operand.booleanValue());
            }
            case "cidr" -> Cidr.parse(text("cidr", operand));
            default -> throw new IllegalArgumentException("Unrecognized match type " + entry.getKey());
        };
    }

    private static Condition parseAnythingBut(JsonNode operand) {
        if (operand.isTextual() || operand.isNumber()) {
            return new AnythingBut(List.of(new Equals(scalar(operand))));
        }
        if (operand.isArray()) {
            if (operand.isEmpty()) {
                throw new IllegalArgumentException("anything-but list must not be empty");
            }
            List<Condition> excluded = new ArrayList<>();
            for (JsonNode element : operand) {
                if (!element.isTextual() && !element.isNumber()) {
                    throw new IllegalArgumentException("anything-but list may only hold strings and numbers");
                }
                excluded.add(new Equals(scalar(element)));
            }
            return new AnythingBut(List.copyOf(excluded));
        }
        if (operand.isObject() && operand.size() == 1) {
            Map.Entry<String, JsonNode> inner = operand.properties().iterator().next();
            JsonNode value = inner.getValue();
            return switch (inner.getKey()) {
                case "prefix" -> new AnythingBut(List.of(new Prefix(text("prefix", value), false)));
                case "suffix" -> new AnythingBut(List.of(new Suffix(text("suffix", value), false)));
                case "equals-ignore-case" -> {
                    List<Condition> excluded = new ArrayList<>();
                    if (value.isArray() && !value.isEmpty()) {
                        value.forEach(v -> excluded.add(new EqualsIgnoreCase(text("equals-ignore-case", v))));
                    } else {
                        excluded.add(new EqualsIgnoreCase(text("equals-ignore-case", value)));
                    }
                    yield new AnythingBut(List.copyOf(excluded));
                }
                default -> throw new IllegalArgumentException("Unsupported anything-but pattern: " + inner.getKey());
            };
        }
        throw new IllegalArgumentException("anything-but needs a string, a number, a list or a prefix/suffix object");
    }

    private static Condition parseNumeric(JsonNode operand) {
        if (!operand.isArray() || (operand.size() != 2 && operand.size() != 4)) {
            throw new IllegalArgumentException("numeric needs [op, number] or [op, number, op, number]: " + operand);
        }
        List<Bound> bounds = new ArrayList<>();
        for (int i = 0; i < operand.size(); i += 2) {
            JsonNode op = operand.get(i);
            JsonNode number = operand.get(i + 1);
            if (!op.isTextual() || !List.of("=", "<", "<=", ">", ">=").contains(op.asText())) {
                throw new IllegalArgumentException("Unrecognized numeric range operator: " + op);
            }
            if (!number.isNumber()) {
                throw new IllegalArgumentException("Value of " + op.asText() + " must be numeric");
            }
            bounds.add(new Bound(op.asText(), number.decimalValue()));
        }
        if (bounds.size() == 2) {
            Bound lower = bounds.get(0);
            Bound upper = bounds.get(1);
            boolean lowerFirst = lower.operator().startsWith(">") && upper.operator().startsWith("<");
            if (!lowerFirst || lower.operand().compareTo(upper.operand()) >= 0) {
                throw new IllegalArgumentException("Bad numeric range: need a lower bound (> or >=) then a greater "
                        + "upper bound (< or <=): " + operand);
            }
        }
        return new Numeric(List.copyOf(bounds));
    }

    private static String text(String operator, JsonNode operand) {
        if (!operand.isTextual()) {
            throw new IllegalArgumentException(operator + " match pattern must be a string");
        }
        return operand.asText();
    }

    /** {@code {"prefix": "x"}} or {@code {"prefix": {"equals-ignore-case": "x"}}}. */
    private static String caseAwareText(String operator, JsonNode operand) {
        if (ignoresCase(operand)) {
            return text(operator, operand.get("equals-ignore-case"));
        }
        return text(operator, operand);
    }

    private static boolean ignoresCase(JsonNode operand) {
        return operand.isObject() && operand.size() == 1 && operand.has("equals-ignore-case");
    }

    private static List<String> append(List<String> path, String key) {
        List<String> longer = new ArrayList<>(path);
        longer.add(key);
        return List.copyOf(longer);
    }

    @Override
    public String toString() {
        return "FilterPolicy[" + scope.attributeValue() + "]";
    }
}

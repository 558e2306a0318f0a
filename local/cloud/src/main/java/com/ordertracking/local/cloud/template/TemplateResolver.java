package com.ordertracking.local.cloud.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates CloudFormation intrinsics to the concrete values AWS would produce, for the local account.
 *
 * <p>Physical ids are deterministic: a resource without an explicit name gets {@code ${StackName}-${LogicalId}}
 * (plus {@code .fifo} for FIFO queues/topics). {@code Ref} and {@code Fn::GetAtt} follow the CloudFormation
 * return values of each type (table name, queue URL, topic ARN, function name, ...). Values known only after
 * provisioning (real DynamoDB stream ARNs, actual queue URLs) are fed back with
 * {@link #withPhysicalAttributes(Map)}; until then stream ARNs are synthetic.
 *
 * <p>{@code AWS::NoValue} resolves to {@link MissingNode}; object and array results drop such entries.
 * Unresolvable references throw {@link TemplateException} naming the logical id and property path.
 *
 * <p>Immutable and thread-safe apart from an internal condition cache.
 */
public final class TemplateResolver {

    /** Key in the physical-attribute map that overrides what {@code Ref} returns. */
    public static final String REF = "Ref";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SYNTHETIC_STREAM_LABEL = "1970-01-01T00:00:00.000";

    private final SamTemplate template;
    private final LocalAccount account;
    private final Map<String, String> parameterOverrides;
    private final Map<String, Map<String, String>> physical;
    private final Map<String, Boolean> conditionCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final ThreadLocal<Deque<String>> resolving = ThreadLocal.withInitial(ArrayDeque::new);

    public TemplateResolver(SamTemplate template, LocalAccount account, Map<String, String> parameterOverrides) {
        this(template, account, parameterOverrides, Map.of());
    }

    private TemplateResolver(SamTemplate template, LocalAccount account, Map<String, String> overrides,
                             Map<String, Map<String, String>> physical) {
        this.template = template;
        this.account = account;
        this.parameterOverrides = Map.copyOf(overrides);
        this.physical = physical;
        for (String name : overrides.keySet()) {
            SamTemplate.Parameter p = template.parameters().get(name);
            if (p == null) {
                throw new TemplateException("Parameter override '" + name + "' is not declared in Parameters");
            }
            if (!p.allowedValues().isEmpty() && !p.allowedValues().contains(overrides.get(name))) {
                throw new TemplateException("Parameter " + name + "='" + overrides.get(name)
                        + "' is not one of AllowedValues " + p.allowedValues());
            }
        }
    }

    /**
     * A resolver that answers {@code Ref}/{@code GetAtt} for the given logical ids from real values first,
     * e.g. {@code {"OrdersTable": {"StreamArn": "arn:...:stream/2025-..."}}}; use key {@link #REF} for Ref.
     * Entries are merged over the current ones.
     */
    public TemplateResolver withPhysicalAttributes(Map<String, Map<String, String>> attributes) {
        Map<String, Map<String, String>> merged = new HashMap<>();
        physical.forEach((k, v) -> merged.put(k, new HashMap<>(v)));
        attributes.forEach((k, v) -> merged.computeIfAbsent(k, x -> new HashMap<>()).putAll(v));
        merged.replaceAll((k, v) -> Map.copyOf(v));
        return new TemplateResolver(template, account, parameterOverrides, Map.copyOf(merged));
    }

    public SamTemplate template() {
        return template;
    }

    public LocalAccount account() {
        return account;
    }

    // ---------------------------------------------------------------- public evaluation API

    /** Resolves every intrinsic in {@code node}; {@code path} (e.g. {@code Resources.Fn.Properties.Timeout}) is for errors. */
    public JsonNode resolve(JsonNode node, String path) {
        if (node == null || node.isMissingNode()) {
            return MissingNode.getInstance();
        }
        if (SamTemplate.isIntrinsic(node)) {
            var entry = node.properties().iterator().next();
            return intrinsic(entry.getKey(), entry.getValue(), path);
        }
        if (node instanceof ObjectNode obj) {
            ObjectNode out = NODES.objectNode();
            obj.properties().forEach(e -> {
                JsonNode v = resolve(e.getValue(), path + "." + e.getKey());
                if (!v.isMissingNode()) {
                    out.set(e.getKey(), v);
                }
            });
            return out;
        }
        if (node instanceof ArrayNode arr) {
            ArrayNode out = NODES.arrayNode();
            for (int i = 0; i < arr.size(); i++) {
                JsonNode v = resolve(arr.get(i), path + "[" + i + "]");
                if (!v.isMissingNode()) {
                    out.add(v);
                }
            }
            return out;
        }
        return node;
    }

    /** Resolved value of a resource property (dotted path below Properties), MissingNode when absent. */
    public JsonNode property(String logicalId, String propertyPath) {
        SamTemplate.Resource r = resourceOrThrow(logicalId, "Resources." + logicalId);
        JsonNode raw = r.properties();
        for (String part : propertyPath.split("\\.")) {
            raw = raw.path(part);
        }
        return resolve(raw, "Resources." + logicalId + ".Properties." + propertyPath);
    }

    /** Resolves a value that must come out as a string (numbers and booleans are stringified). */
    public String resolveString(JsonNode node, String path) {
        return asString(resolve(node, path), path);
    }

    /** Value of a parameter or pseudo parameter, or the physical id of a resource, as {@code Ref} returns it. */
    public JsonNode ref(String name, String path) {
        if (name.startsWith("AWS::")) {
            return pseudo(name, path);
        }
        if (template.parameters().containsKey(name)) {
            return parameter(template.parameters().get(name), path);
        }
        String override = physical.getOrDefault(name, Map.of()).get(REF);
        if (override != null) {
            return TextNode.valueOf(override);
        }
        SamTemplate.Resource r = resourceOrThrow(name, path);
        return TextNode.valueOf(switch (r.type()) {
            case "AWS::SQS::Queue" -> queueUrl(physicalName(name));
            case "AWS::SNS::Topic" -> arn("sns", physicalName(name));
            case "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api" -> apiId(name);
            case "AWS::SNS::Subscription" -> getAtt(name, "Arn", path);
            default -> physicalName(name);
        });
    }

    /** {@code Fn::GetAtt}: attribute of a resource as AWS reports it. */
    public String getAtt(String logicalId, String attribute, String path) {
        String override = physical.getOrDefault(logicalId, Map.of()).get(attribute);
        if (override != null) {
            return override;
        }
        SamTemplate.Resource r = resourceOrThrow(logicalId, path);
        String name = physicalName(logicalId);
        String result = switch (r.type()) {
            case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" -> switch (attribute) {
                case "Arn" -> tableArn(name);
                case "StreamArn" -> {
                    if (!r.properties().has("StreamSpecification")) {
                        throw new TemplateException("Fn::GetAtt " + logicalId + ".StreamArn at " + path
                                + ": table has no StreamSpecification");
                    }
                    yield tableArn(name) + "/stream/" + SYNTHETIC_STREAM_LABEL;
                }
                default -> null;
            };
            case "AWS::SQS::Queue" -> switch (attribute) {
                case "Arn" -> arn("sqs", name);
                case "QueueName" -> name;
                case "QueueUrl" -> queueUrl(name);
                default -> null;
            };
            case "AWS::SNS::Topic" -> switch (attribute) {
                case "TopicArn" -> arn("sns", name);
                case "TopicName" -> name;
                default -> null;
            };
            case "AWS::SNS::Subscription" -> attribute.equals("Arn")
                    ? resolveString(r.property("TopicArn"), "Resources." + logicalId + ".Properties.TopicArn")
                            + ":" + java.util.UUID.nameUUIDFromBytes(logicalId.getBytes(StandardCharsets.UTF_8))
                    : null;
            case "AWS::Serverless::Function", "AWS::Lambda::Function" ->
                    attribute.equals("Arn") ? arn("lambda", "function:" + name) : null;
            case "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api" -> switch (attribute) {
                case "ApiId" -> apiId(logicalId);
                case "ApiEndpoint" -> "https://" + apiId(logicalId) + ".execute-api." + account.region() + ".amazonaws.com";
                default -> null;
            };
            case "AWS::IAM::Role" -> switch (attribute) {
                case "Arn" -> "arn:aws:iam::" + account.accountId() + ":role/" + name;
                case "RoleId" -> "AROA" + name.toUpperCase();
                default -> null;
            };
            case "AWS::SSM::Parameter" -> switch (attribute) {
                case "Type" -> resolveString(r.property("Type"), path);
                case "Value" -> resolveString(r.property("Value"), path);
                default -> null;
            };
            case "AWS::Logs::LogGroup" -> attribute.equals("Arn") ? arn("logs", "log-group:" + name + ":*") : null;
            default -> null;
        };
        if (result == null) {
            throw new TemplateException("Fn::GetAtt " + logicalId + "." + attribute + " at " + path
                    + ": attribute not supported locally for " + r.type());
        }
        return result;
    }

    /**
     * Physical name of a resource: its explicit name property (TableName, QueueName, TopicName, FunctionName,
     * RoleName, Name, ...) resolved, else {@code ${StackName}-${LogicalId}}.
     */
    public String physicalName(String logicalId) {
        SamTemplate.Resource r = resourceOrThrow(logicalId, "Resources." + logicalId);
        String nameProperty = switch (r.type()) {
            case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" -> "TableName";
            case "AWS::SQS::Queue" -> "QueueName";
            case "AWS::SNS::Topic" -> "TopicName";
            case "AWS::Serverless::Function", "AWS::Lambda::Function" -> "FunctionName";
            case "AWS::IAM::Role" -> "RoleName";
            case "AWS::Logs::LogGroup" -> "LogGroupName";
            default -> "Name";
        };
        String path = "Resources." + logicalId + ".Properties." + nameProperty;
        if (r.properties().has(nameProperty)) {
            guard(path);
            try {
                JsonNode v = resolve(r.property(nameProperty), path);
                if (!v.isMissingNode()) {
                    return asString(v, path);
                }
            } finally {
                resolving.get().pop();
            }
        }
        String generated = account.stackName() + "-" + logicalId;
        boolean fifo = switch (r.type()) {
            case "AWS::SQS::Queue" -> isTrue(r.property("FifoQueue"), path);
            case "AWS::SNS::Topic" -> isTrue(r.property("FifoTopic"), path);
            default -> false;
        };
        return fifo ? generated + ".fifo" : generated;
    }

    /** Whether a named condition holds. */
    public boolean condition(String name) {
        Boolean cached = conditionCache.get(name);
        if (cached != null) {
            return cached;
        }
        JsonNode def = template.conditions().get(name);
        if (def == null) {
            throw new TemplateException("Condition '" + name + "' is not declared in Conditions");
        }
        String path = "Conditions." + name;
        guard(path);
        try {
            boolean value = evaluateCondition(def, path);
            conditionCache.put(name, value);
            return value;
        } finally {
            resolving.get().pop();
        }
    }

    /** False when the resource has a {@code Condition} that evaluates to false (it would not be created). */
    public boolean isActive(String logicalId) {
        return resourceOrThrow(logicalId, "Resources." + logicalId).condition().map(this::condition).orElse(true);
    }

    public String queueUrl(String queueName) {
        String base = account.endpoints().sqs() == null ? "http://localhost:9324" : account.endpoints().sqs().toString();
        return stripSlash(base) + "/" + account.accountId() + "/" + queueName;
    }

    public String tableArn(String tableName) {
        return arn("dynamodb", "table/" + tableName);
    }

    /** {@code arn:aws:SERVICE:REGION:ACCOUNT:RESOURCE}. */
    public String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + account.region() + ":" + account.accountId() + ":" + resource;
    }

    /** Local API ids are the lower-cased logical id: stable across runs and readable in logs. */
    public String apiId(String logicalId) {
        return logicalId.toLowerCase(java.util.Locale.ROOT);
    }

    // ---------------------------------------------------------------- intrinsics

    private JsonNode intrinsic(String fn, JsonNode arg, String path) {
        String at = path + "." + fn;
        return switch (fn) {
            case "Ref" -> ref(requireText(arg, at), at);
            case "Fn::GetAtt" -> {
                JsonNode a = resolveArgs(arg, at, 2);
                yield TextNode.valueOf(getAtt(asString(a.get(0), at), asString(a.get(1), at), at));
            }
            case "Fn::Sub" -> TextNode.valueOf(sub(arg, at));
            case "Fn::Join" -> {
                JsonNode a = requireArray(arg, at, 2);
                String delimiter = resolveString(a.get(0), at + "[0]");
                JsonNode list = resolve(a.get(1), at + "[1]");
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < requireArray(list, at + "[1]", -1).size(); i++) {
                    if (i > 0) {
                        sb.append(delimiter);
                    }
                    sb.append(asString(list.get(i), at + "[1][" + i + "]"));
                }
                yield TextNode.valueOf(sb.toString());
            }
            case "Fn::Select" -> {
                JsonNode a = requireArray(arg, at, 2);
                int index = Integer.parseInt(resolveString(a.get(0), at + "[0]"));
                JsonNode list = requireArray(resolve(a.get(1), at + "[1]"), at + "[1]", -1);
                if (index < 0 || index >= list.size()) {
                    throw new TemplateException("Fn::Select index " + index + " out of range at " + at);
                }
                yield list.get(index);
            }
            case "Fn::Split" -> {
                JsonNode a = requireArray(arg, at, 2);
                String delimiter = resolveString(a.get(0), at + "[0]");
                ArrayNode out = NODES.arrayNode();
                for (String part : resolveString(a.get(1), at + "[1]").split(java.util.regex.Pattern.quote(delimiter), -1)) {
                    out.add(part);
                }
                yield out;
            }
            case "Fn::If" -> {
                JsonNode a = requireArray(arg, at, 3);
                yield condition(requireText(a.get(0), at + "[0]"))
                        ? resolve(a.get(1), at + "[1]") : resolve(a.get(2), at + "[2]");
            }
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" ->
                    NODES.booleanNode(evaluateCondition(NODES.objectNode().set(fn, arg), path));
            case "Fn::FindInMap" -> findInMap(arg, at);
            case "Fn::GetAZs" -> {
                ArrayNode out = NODES.arrayNode();
                for (String zone : List.of("a", "b", "c")) {
                    out.add(account.region() + zone);
                }
                yield out;
            }
            case "Fn::Base64" -> TextNode.valueOf(Base64.getEncoder()
                    .encodeToString(resolveString(arg, at).getBytes(StandardCharsets.UTF_8)));
            case "Fn::Length" -> NODES.numberNode(requireArray(resolve(arg, at), at, -1).size());
            case "Fn::ToJsonString" -> {
                try {
                    yield TextNode.valueOf(JSON.writeValueAsString(resolve(arg, at)));
                } catch (JsonProcessingException e) {
                    throw new TemplateException("Fn::ToJsonString failed at " + at, e);
                }
            }
            case "Fn::ImportValue" -> throw new TemplateException("Fn::ImportValue '" + resolveString(arg, at)
                    + "' at " + at + ": cross-stack exports do not exist locally; use a parameter instead");
            default -> throw new TemplateException(fn + " at " + path + " is not supported locally");
        };
    }

    private boolean evaluateCondition(JsonNode node, String path) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))) {
            return Boolean.parseBoolean(node.asText());
        }
        if (!node.isObject() || node.size() != 1) {
            throw new TemplateException("Not a condition expression at " + path + ": " + node);
        }
        var entry = node.properties().iterator().next();
        String at = path + "." + entry.getKey();
        JsonNode arg = entry.getValue();
        return switch (entry.getKey()) {
            case "Condition" -> condition(requireText(arg, at));
            case "Fn::Equals" -> {
                JsonNode a = requireArray(arg, at, 2);
                yield comparable(resolve(a.get(0), at + "[0]")).equals(comparable(resolve(a.get(1), at + "[1]")));
            }
            case "Fn::Not" -> !evaluateCondition(requireArray(arg, at, 1).get(0), at + "[0]");
            case "Fn::And", "Fn::Or" -> {
                boolean and = entry.getKey().equals("Fn::And");
                boolean result = and;
                JsonNode a = requireArray(arg, at, -1);
                for (int i = 0; i < a.size(); i++) {
                    boolean v = evaluateCondition(a.get(i), at + "[" + i + "]");
                    result = and ? result && v : result || v;
                }
                yield result;
            }
            default -> {
                JsonNode v = resolve(node, path);
                if (v.isObject()) {
                    throw new TemplateException("Not a condition expression at " + path + ": " + node);
                }
                yield evaluateCondition(v, path);
            }
        };
    }

    /** CloudFormation compares scalars by their string form ("1" equals 1). */
    private static JsonNode comparable(JsonNode v) {
        return v.isValueNode() ? TextNode.valueOf(v.asText()) : v;
    }

    private JsonNode findInMap(JsonNode arg, String at) {
        JsonNode a = requireArray(arg, at, -1);
        if (a.size() < 3) {
            throw new TemplateException("Fn::FindInMap needs [MapName, TopKey, SecondKey] at " + at);
        }
        String map = resolveString(a.get(0), at + "[0]");
        String top = resolveString(a.get(1), at + "[1]");
        String second = resolveString(a.get(2), at + "[2]");
        JsonNode value = template.mappings().path(map).path(top).path(second);
        if (value.isMissingNode()) {
            if (a.size() > 3 && a.get(3).has("DefaultValue")) { // AWS::LanguageExtensions form
                return resolve(a.get(3).get("DefaultValue"), at + "[3].DefaultValue");
            }
            throw new TemplateException("Fn::FindInMap at " + at + ": Mappings." + map + "." + top + "." + second
                    + " does not exist");
        }
        return resolve(value, "Mappings." + map + "." + top + "." + second);
    }

    private String sub(JsonNode arg, String at) {
        String text;
        Map<String, JsonNode> vars = new LinkedHashMap<>();
        if (arg.isArray()) {
            JsonNode a = requireArray(arg, at, 2);
            text = requireText(a.get(0), at + "[0]");
            a.get(1).properties().forEach(e -> vars.put(e.getKey(), e.getValue()));
        } else {
            text = requireText(arg, at);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            int end = text.indexOf('}', start);
            if (end < 0) {
                throw new TemplateException("Fn::Sub at " + at + ": unterminated ${ in '" + text + "'");
            }
            String name = text.substring(start + 2, end).trim();
            if (name.startsWith("!")) { // ${!Literal} renders as ${Literal}
                out.append("${").append(name.substring(1)).append('}');
            } else if (vars.containsKey(name)) {
                out.append(resolveString(vars.get(name), at + "[1]." + name));
            } else if (!name.startsWith("AWS::") && name.contains(".")) {
                int dot = name.indexOf('.');
                out.append(getAtt(name.substring(0, dot), name.substring(dot + 1), at + " ${" + name + "}"));
            } else {
                out.append(asString(ref(name, at + " ${" + name + "}"), at + " ${" + name + "}"));
            }
            i = end + 1;
        }
        return out.toString();
    }

    private JsonNode pseudo(String name, String path) {
        return switch (name) {
            case "AWS::Region" -> TextNode.valueOf(account.region());
            case "AWS::AccountId" -> TextNode.valueOf(account.accountId());
            case "AWS::StackName" -> TextNode.valueOf(account.stackName());
            case "AWS::StackId" -> TextNode.valueOf("arn:aws:cloudformation:" + account.region() + ":"
                    + account.accountId() + ":stack/" + account.stackName() + "/"
                    + java.util.UUID.nameUUIDFromBytes(account.stackName().getBytes(StandardCharsets.UTF_8)));
            case "AWS::Partition" -> TextNode.valueOf("aws");
            case "AWS::URLSuffix" -> TextNode.valueOf("amazonaws.com");
            case "AWS::NoValue" -> MissingNode.getInstance();
            case "AWS::NotificationARNs" -> NODES.arrayNode();
            default -> throw new TemplateException("Unknown pseudo parameter " + name + " at " + path);
        };
    }

    private JsonNode parameter(SamTemplate.Parameter p, String path) {
        String value = Optional.ofNullable(parameterOverrides.get(p.name())).or(p::defaultValue)
                .orElseThrow(() -> new TemplateException("Parameter " + p.name() + " (referenced at " + path
                        + ") has no Default and no override was given"));
        if (p.type().startsWith("List<") || p.type().equals("CommaDelimitedList")) {
            ArrayNode list = NODES.arrayNode();
            for (String s : value.split(",")) {
                list.add(s.trim());
            }
            return list;
        }
        return TextNode.valueOf(value);
    }

    // ---------------------------------------------------------------- helpers

    private SamTemplate.Resource resourceOrThrow(String logicalId, String path) {
        return template.resource(logicalId).orElseThrow(() -> new TemplateException(
                "Unknown reference '" + logicalId + "' at " + path + ": not a parameter, pseudo parameter or resource"));
    }

    /** Detects Name properties that (indirectly) reference themselves instead of overflowing the stack. */
    private void guard(String path) {
        Deque<String> stack = resolving.get();
        if (stack.contains(path)) {
            throw new TemplateException("Circular reference while resolving " + path + " via " + stack);
        }
        stack.push(path);
    }

    private JsonNode resolveArgs(JsonNode arg, String at, int size) {
        return resolve(requireArray(arg, at, size), at);
    }

    private static JsonNode requireArray(JsonNode node, String at, int size) {
        if (!node.isArray() || (size >= 0 && node.size() != size)) {
            throw new TemplateException("Expected a list" + (size >= 0 ? " of " + size : "") + " at " + at + ", got " + node);
        }
        return node;
    }

    private static String requireText(JsonNode node, String at) {
        if (node == null || !node.isTextual()) {
            throw new TemplateException("Expected a string at " + at + ", got " + node);
        }
        return node.textValue();
    }

    static String asString(JsonNode v, String path) {
        if (v.isMissingNode() || v.isNull() || v.isContainerNode()) {
            throw new TemplateException("Expected a string value at " + path + ", got "
                    + (v.isMissingNode() ? "AWS::NoValue" : v.toString()));
        }
        return v.asText();
    }

    private boolean isTrue(JsonNode raw, String path) {
        JsonNode v = resolve(raw, path);
        return !v.isMissingNode() && v.asBoolean(false);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}

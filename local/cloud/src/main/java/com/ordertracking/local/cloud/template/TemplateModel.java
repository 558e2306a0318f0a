package com.ordertracking.local.cloud.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.local.cloud.template.FunctionEvent.DynamoDbStreamEvent;
import com.ordertracking.local.cloud.template.FunctionEvent.HttpApiEvent;
import com.ordertracking.local.cloud.template.FunctionEvent.QueueRef;
import com.ordertracking.local.cloud.template.FunctionEvent.ScheduleEvent;
import com.ordertracking.local.cloud.template.FunctionEvent.SqsEvent;
import com.ordertracking.local.cloud.template.FunctionEvent.TableRef;
import com.ordertracking.local.cloud.template.TableSpec.KeyElement;
import com.ordertracking.local.cloud.template.TableSpec.Projection;
import com.ordertracking.local.cloud.template.TableSpec.SecondaryIndex;
import com.ordertracking.local.cloud.template.TableSpec.Throughput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Typed, resolved, read-only view of everything the local stack provisions and serves. Built eagerly, so a
 * template that cannot be resolved fails at startup with a {@link TemplateException} naming the property.
 * Resources whose {@code Condition} is false are left out.
 *
 * <pre>{@code
 * var resolver = new TemplateResolver(SamTemplate.load(path), account, Map.of("Stage", "local"));
 * var model = TemplateModel.of(resolver);   // or TemplateModel.of(provisioned.applyTo(resolver))
 * for (FunctionSpec f : model.functions()) ...
 * }</pre>
 */
public final class TemplateModel {

    private final TemplateResolver resolver;
    private final Map<String, TableSpec> tables;
    private final Map<String, QueueSpec> queues;
    private final Map<String, TopicSpec> topics;
    private final List<SubscriptionSpec> subscriptions;
    private final Map<String, HttpApiSpec> httpApis;
    private final Map<String, FunctionSpec> functions;

    private TemplateModel(TemplateResolver resolver) {
        this.resolver = resolver;
        this.tables = index(active("AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable").stream()
                .map(this::table).toList(), TableSpec::logicalId);
        this.queues = index(active("AWS::SQS::Queue").stream().map(this::queue).toList(), QueueSpec::logicalId);
        this.topics = index(active("AWS::SNS::Topic").stream().map(this::topic).toList(), TopicSpec::logicalId);
        this.subscriptions = List.copyOf(buildSubscriptions());
        this.httpApis = index(active("AWS::Serverless::HttpApi").stream().map(this::httpApi).toList(),
                HttpApiSpec::logicalId);
        this.functions = index(functionsWithEvents(), FunctionSpec::logicalId);
    }

    public static TemplateModel of(TemplateResolver resolver) {
        return new TemplateModel(resolver);
    }

    public TemplateResolver resolver() {
        return resolver;
    }

    public List<TableSpec> tables() {
        return List.copyOf(tables.values());
    }

    public List<QueueSpec> queues() {
        return List.copyOf(queues.values());
    }

    public List<TopicSpec> topics() {
        return List.copyOf(topics.values());
    }

    /** Subscription resources and topics' inline subscriptions. */
    public List<SubscriptionSpec> subscriptions() {
        return subscriptions;
    }

    public List<HttpApiSpec> httpApis() {
        return List.copyOf(httpApis.values());
    }

    public List<FunctionSpec> functions() {
        return List.copyOf(functions.values());
    }

    public Optional<TableSpec> table(String logicalId) {
        return Optional.ofNullable(tables.get(logicalId));
    }

    public Optional<QueueSpec> queue(String logicalId) {
        return Optional.ofNullable(queues.get(logicalId));
    }

    public Optional<TopicSpec> topic(String logicalId) {
        return Optional.ofNullable(topics.get(logicalId));
    }

    public Optional<HttpApiSpec> httpApi(String logicalId) {
        return Optional.ofNullable(httpApis.get(logicalId));
    }

    public Optional<FunctionSpec> function(String logicalId) {
        return Optional.ofNullable(functions.get(logicalId));
    }

    public Optional<QueueSpec> queueByArn(String arn) {
        return queues.values().stream().filter(q -> q.arn().equals(arn)).findFirst();
    }

    public Optional<QueueSpec> queueByName(String name) {
        return queues.values().stream().filter(q -> q.queueName().equals(name)).findFirst();
    }

    public Optional<FunctionSpec> functionByName(String functionName) {
        return functions.values().stream().filter(f -> f.functionName().equals(functionName)).findFirst();
    }

    /**
     * Matches a table ARN or any of its stream ARNs (synthetic or real) by table name, because DynamoDB Local
     * reports its own region ({@code ddblocal}) in the ARNs it returns.
     */
    public Optional<TableSpec> tableByArn(String arn) {
        return tableNameFromArn(arn).flatMap(name ->
                tables.values().stream().filter(t -> t.tableName().equals(name)).findFirst());
    }

    /** {@code arn:...:table/NAME} or {@code arn:...:table/NAME/stream/LABEL} to NAME. */
    static Optional<String> tableNameFromArn(String arn) {
        int start = arn.indexOf(":table/");
        if (!arn.startsWith("arn:") || start < 0) {
            return Optional.empty();
        }
        return Optional.of(arn.substring(start + ":table/".length()).split("/")[0]);
    }

    // ---------------------------------------------------------------- tables

    private TableSpec table(SamTemplate.Resource r) {
        String id = r.logicalId();
        String name = resolver.physicalName(id);
        JsonNode p = props(r, "PrimaryKey", "ProvisionedThroughput", "AttributeDefinitions", "KeySchema",
                "BillingMode", "StreamSpecification", "TimeToLiveSpecification", "GlobalSecondaryIndexes",
                "LocalSecondaryIndexes");
        if (r.type().equals("AWS::Serverless::SimpleTable")) {
            JsonNode pk = p.path("PrimaryKey");
            String keyName = pk.path("Name").asText("id");
            String keyType = switch (pk.path("Type").asText("String")) {
                case "Number" -> "N";
                case "Binary" -> "B";
                default -> "S";
            };
            Optional<Throughput> throughput = throughput(p.path("ProvisionedThroughput"));
            return new TableSpec(id, name, resolver.getAtt(id, "Arn", id), List.of(new KeyElement(keyName, "HASH")),
                    Map.of(keyName, keyType), throughput.isPresent() ? TableSpec.PROVISIONED : TableSpec.PAY_PER_REQUEST,
                    throughput, List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        p.path("AttributeDefinitions").forEach(a ->
                attributes.put(a.path("AttributeName").asText(), a.path("AttributeType").asText()));
        List<KeyElement> keys = keySchema(p.path("KeySchema"), id);
        String billing = p.path("BillingMode").asText(TableSpec.PROVISIONED);
        Optional<String> streamViewType = text(p.path("StreamSpecification").path("StreamViewType"));
        Optional<String> ttl = p.path("TimeToLiveSpecification").path("Enabled").asBoolean(false)
                ? text(p.path("TimeToLiveSpecification").path("AttributeName")) : Optional.empty();
        return new TableSpec(id, name, resolver.getAtt(id, "Arn", id), keys, Collections.unmodifiableMap(attributes), billing,
                throughput(p.path("ProvisionedThroughput")),
                indexes(p.path("GlobalSecondaryIndexes"), id), indexes(p.path("LocalSecondaryIndexes"), id),
                streamViewType,
                streamViewType.map(x -> resolver.getAtt(id, "StreamArn", "Resources." + id)),
                ttl);
    }

    private static List<KeyElement> keySchema(JsonNode node, String id) {
        List<KeyElement> keys = new ArrayList<>();
        node.forEach(k -> keys.add(new KeyElement(k.path("AttributeName").asText(), k.path("KeyType").asText())));
        if (keys.stream().noneMatch(k -> k.keyType().equals("HASH"))) {
            throw new TemplateException("Table " + id + " has no HASH key in KeySchema");
        }
        return List.copyOf(keys);
    }

    private static List<SecondaryIndex> indexes(JsonNode node, String id) {
        List<SecondaryIndex> out = new ArrayList<>();
        node.forEach(i -> {
            JsonNode proj = i.path("Projection");
            out.add(new SecondaryIndex(i.path("IndexName").asText(), keySchema(i.path("KeySchema"), id),
                    new Projection(proj.path("ProjectionType").asText("ALL"), strings(proj.path("NonKeyAttributes"))),
                    throughput(i.path("ProvisionedThroughput"))));
        });
        return List.copyOf(out);
    }

    private static Optional<Throughput> throughput(JsonNode node) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new Throughput(node.path("ReadCapacityUnits").asLong(5), node.path("WriteCapacityUnits").asLong(5)));
    }

    // ---------------------------------------------------------------- queues, topics, subscriptions

    private QueueSpec queue(SamTemplate.Resource r) {
        String id = r.logicalId();
        String name = resolver.physicalName(id);
        JsonNode p = props(r);
        Optional<QueueSpec.RedrivePolicy> redrive = Optional.empty();
        JsonNode rp = json(p.path("RedrivePolicy"), "Resources." + id + ".Properties.RedrivePolicy");
        if (rp.isObject()) {
            String target = rp.path("deadLetterTargetArn").asText();
            if (target.isEmpty()) {
                throw new TemplateException("Resources." + id + ".Properties.RedrivePolicy has no deadLetterTargetArn");
            }
            redrive = Optional.of(new QueueSpec.RedrivePolicy(target, rp.path("maxReceiveCount").asInt(10)));
        }
        return new QueueSpec(id, name, resolver.getAtt(id, "QueueUrl", id), resolver.getAtt(id, "Arn", id),
                p.path("FifoQueue").asBoolean(false), p.path("ContentBasedDeduplication").asBoolean(false),
                p.path("VisibilityTimeout").asInt(30), p.path("MessageRetentionPeriod").asInt(345_600),
                p.path("DelaySeconds").asInt(0), p.path("ReceiveMessageWaitTimeSeconds").asInt(0),
                p.path("MaximumMessageSize").asInt(262_144), redrive);
    }

    private TopicSpec topic(SamTemplate.Resource r) {
        String id = r.logicalId();
        JsonNode p = props(r);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attr : List.of("DisplayName", "KmsMasterKeyId", "SignatureVersion", "TracingConfig",
                "ArchivePolicy", "DeliveryPolicy", "DataProtectionPolicy")) {
            JsonNode v = p.path(attr);
            if (!v.isMissingNode()) {
                attributes.put(attr, v.isContainerNode() ? v.toString() : v.asText());
            }
        }
        return new TopicSpec(id, resolver.physicalName(id), resolver.getAtt(id, "TopicArn", id),
                p.path("FifoTopic").asBoolean(false), p.path("ContentBasedDeduplication").asBoolean(false),
                Collections.unmodifiableMap(attributes));
    }

    private List<SubscriptionSpec> buildSubscriptions() {
        List<SubscriptionSpec> out = new ArrayList<>();
        for (TopicSpec topic : topics.values()) {
            JsonNode inline = resolver.property(topic.logicalId(), "Subscription");
            for (int i = 0; i < inline.size(); i++) {
                JsonNode s = inline.get(i);
                out.add(new SubscriptionSpec(topic.logicalId() + ".Subscription[" + i + "]", topic.arn(),
                        s.path("Protocol").asText(), s.path("Endpoint").asText(), Optional.empty(),
                        "MessageAttributes", false, Optional.empty()));
            }
        }
        for (SamTemplate.Resource r : active("AWS::SNS::Subscription")) {
            String at = "Resources." + r.logicalId() + ".Properties.";
            JsonNode p = props(r);
            for (String required : List.of("TopicArn", "Protocol", "Endpoint")) {
                if (!p.path(required).isTextual()) {
                    throw new TemplateException(at + required + " is required");
                }
            }
            JsonNode filter = p.path("FilterPolicy");
            out.add(new SubscriptionSpec(r.logicalId(), p.path("TopicArn").asText(),
                    p.path("Protocol").asText(), p.path("Endpoint").asText(),
                    filter.isMissingNode() ? Optional.empty() : Optional.of(filter.isTextual() ? filter.asText() : filter.toString()),
                    p.path("FilterPolicyScope").asText("MessageAttributes"),
                    p.path("RawMessageDelivery").asBoolean(false),
                    p.path("RedrivePolicy").isMissingNode() ? Optional.empty()
                            : Optional.of(p.path("RedrivePolicy").isTextual() ? p.path("RedrivePolicy").asText()
                                    : p.path("RedrivePolicy").toString())));
        }
        return out;
    }

    // ---------------------------------------------------------------- HTTP APIs

    private HttpApiSpec httpApi(SamTemplate.Resource r) {
        String id = r.logicalId();
        JsonNode p = props(r);
        JsonNode auth = p.path("Auth");
        Map<String, HttpApiSpec.JwtAuthorizer> authorizers = new LinkedHashMap<>();
        auth.path("Authorizers").properties().forEach(e -> {
            JsonNode a = e.getValue();
            JsonNode jwt = a.path("JwtConfiguration");
            if (jwt.isObject()) {
                authorizers.put(e.getKey(), new HttpApiSpec.JwtAuthorizer(e.getKey(),
                        a.path("IdentitySource").asText("$request.header.Authorization"),
                        jwt.path("issuer").asText(jwt.path("Issuer").asText()),
                        strings(jwt.has("audience") ? jwt.path("audience") : jwt.path("Audience")),
                        strings(a.path("AuthorizationScopes"))));
            }
        });
        Optional<String> defaultAuthorizer = text(auth.path("DefaultAuthorizer"));
        defaultAuthorizer.ifPresent(name -> {
            if (!auth.path("Authorizers").has(name)) {
                throw new TemplateException("Resources." + id + ".Properties.Auth.DefaultAuthorizer '" + name
                        + "' is not one of Auth.Authorizers");
            }
        });
        JsonNode corsNode = p.path("CorsConfiguration");
        Optional<HttpApiSpec.Cors> cors = Optional.empty();
        if (corsNode.isBoolean() || corsNode.isTextual()) {
            if (corsNode.asBoolean(false)) {
                cors = Optional.of(new HttpApiSpec.Cors(List.of("*"), List.of("*"), List.of("*"), List.of(), false,
                        Optional.empty()));
            }
        } else if (corsNode.isObject()) {
            cors = Optional.of(new HttpApiSpec.Cors(strings(corsNode.path("AllowOrigins")),
                    strings(corsNode.path("AllowMethods")), strings(corsNode.path("AllowHeaders")),
                    strings(corsNode.path("ExposeHeaders")), corsNode.path("AllowCredentials").asBoolean(false),
                    corsNode.has("MaxAge") ? Optional.of(corsNode.path("MaxAge").asInt()) : Optional.empty()));
        }
        return new HttpApiSpec(id, resolver.apiId(id), p.path("StageName").asText("$default"),
                Collections.unmodifiableMap(authorizers), defaultAuthorizer, cors);
    }

    // ---------------------------------------------------------------- functions

    private List<FunctionSpec> functionsWithEvents() {
        Map<String, List<FunctionEvent>> events = new LinkedHashMap<>();
        List<SamTemplate.Resource> fns = active("AWS::Serverless::Function", "AWS::Lambda::Function");
        for (SamTemplate.Resource r : fns) {
            List<FunctionEvent> list = new ArrayList<>();
            // Iterate raw events: an event whose properties fail to resolve should name its own path.
            r.properties().path("Events").properties().forEach(e ->
                    samEvent(r.logicalId(), e.getKey(), e.getValue()).ifPresent(list::add));
            events.put(r.logicalId(), list);
        }
        for (SamTemplate.Resource esm : active("AWS::Lambda::EventSourceMapping")) {
            String at = "Resources." + esm.logicalId() + ".Properties.";
            JsonNode p = props(esm);
            String target = p.path("FunctionName").asText();
            String fnId = fns.stream()
                    .filter(f -> {
                        String name = resolver.physicalName(f.logicalId());
                        return target.equals(name) || target.equals(resolver.arn("lambda", "function:" + name))
                                || target.startsWith(resolver.arn("lambda", "function:" + name) + ":");
                    })
                    .map(SamTemplate.Resource::logicalId).findFirst()
                    .orElseThrow(() -> new TemplateException(at + "FunctionName '" + target
                            + "' is not a function of this template"));
            String source = p.path("EventSourceArn").asText();
            FunctionEvent event = source.contains(":sqs:") ? sqsEvent(esm.logicalId(), source, p)
                    : source.contains(":dynamodb:") ? streamEvent(esm.logicalId(), source, p, at)
                    : null;
            if (event != null) {
                events.get(fnId).add(event);
            }
        }
        List<FunctionSpec> out = new ArrayList<>();
        for (SamTemplate.Resource r : fns) {
            out.add(function(r, List.copyOf(events.get(r.logicalId()))));
        }
        return out;
    }

    private FunctionSpec function(SamTemplate.Resource r, List<FunctionEvent> events) {
        String id = r.logicalId();
        JsonNode p = props(r, "Handler", "Runtime", "CodeUri", "Code", "ImageUri", "MemorySize", "Timeout",
                "Architectures", "Environment");
        String name = resolver.physicalName(id);
        Map<String, String> env = new LinkedHashMap<>();
        p.path("Environment").path("Variables").properties().forEach(e -> env.put(e.getKey(),
                TemplateResolver.asString(e.getValue(), "Resources." + id + ".Properties.Environment.Variables." + e.getKey())));
        String code = p.has("CodeUri") ? textOf(p.path("CodeUri"))
                : p.path("Code").has("S3Key") ? p.path("Code").path("S3Key").asText()
                : p.path("Code").has("ImageUri") ? p.path("Code").path("ImageUri").asText()
                : p.path("ImageUri").asText("");
        List<String> arch = strings(p.path("Architectures"));
        return new FunctionSpec(id, name, resolver.getAtt(id, "Arn", id), p.path("Handler").asText(""),
                p.path("Runtime").asText(""), code, p.path("MemorySize").asInt(128), p.path("Timeout").asInt(3),
                arch.isEmpty() ? List.of("x86_64") : arch, Collections.unmodifiableMap(env), events,
                // Literals in practice; LogGroup (a !Ref) is not needed locally and stays unresolved.
                r.properties().path("LoggingConfig").path("LogFormat").asText("Text"),
                r.properties().path("LoggingConfig").path("ApplicationLogLevel").asText("INFO"));
    }

    private Optional<FunctionEvent> samEvent(String fnId, String name, JsonNode raw) {
        String at = "Resources." + fnId + ".Properties.Events." + name;
        String type = raw.path("Type").asText();
        JsonNode p = resolver.resolve(raw.path("Properties"), at + ".Properties");
        if (p.isMissingNode()) {
            p = JsonNodeFactory.instance.objectNode();
        }
        return switch (type) {
            case "HttpApi" -> Optional.of(httpApiEvent(name, raw.path("Properties"), p, at));
            case "SQS" -> Optional.of(sqsEvent(name, required(p, "Queue", at), p));
            case "DynamoDB" -> Optional.of(streamEvent(name, required(p, "Stream", at), p, at));
            case "Schedule" -> Optional.of(new ScheduleEvent(name, ScheduleEvent.Kind.SCHEDULE,
                    required(p, "Schedule", at),
                    p.path("Enabled").asBoolean(!"DISABLED".equals(p.path("State").asText("ENABLED"))),
                    text(p.path("Input")), Optional.empty()));
            case "ScheduleV2" -> Optional.of(new ScheduleEvent(name, ScheduleEvent.Kind.SCHEDULE_V2,
                    required(p, "ScheduleExpression", at), !"DISABLED".equals(p.path("State").asText("ENABLED")),
                    text(p.path("Input")), text(p.path("ScheduleExpressionTimezone"))));
            default -> Optional.empty();
        };
    }

    private HttpApiEvent httpApiEvent(String name, JsonNode raw, JsonNode p, String at) {
        // ApiId is normally !Ref Api: take the logical id from the raw form rather than reverse-mapping the id.
        JsonNode rawApi = raw.path("ApiId");
        String apiLogicalId;
        if (rawApi.isMissingNode()) {
            apiLogicalId = SamTemplate.IMPLICIT_HTTP_API;
        } else if (rawApi.path("Ref").isTextual()) {
            apiLogicalId = rawApi.path("Ref").asText();
        } else {
            String apiId = p.path("ApiId").asText();
            apiLogicalId = httpApis.values().stream().filter(a -> a.apiId().equals(apiId)).map(HttpApiSpec::logicalId)
                    .findFirst().orElseThrow(() -> new TemplateException(at + ".Properties.ApiId '" + apiId
                            + "' is not an HttpApi of this template"));
        }
        HttpApiSpec api = httpApis.get(apiLogicalId);
        if (api == null) {
            throw new TemplateException(at + ".Properties.ApiId: '" + apiLogicalId
                    + "' is not an active AWS::Serverless::HttpApi");
        }
        JsonNode auth = p.path("Auth");
        Optional<String> authorizer = text(auth.path("Authorizer")).or(api::defaultAuthorizer);
        if (authorizer.isPresent() && authorizer.get().equals("NONE")) {
            authorizer = Optional.empty();
        }
        List<String> scopes = strings(auth.path("AuthorizationScopes"));
        if (scopes.isEmpty() && authorizer.isPresent() && api.jwtAuthorizers().containsKey(authorizer.get())) {
            scopes = api.jwtAuthorizers().get(authorizer.get()).authorizationScopes();
        }
        String path = p.path("Path").asText("$default");
        String method = p.path("Method").asText("ANY").toUpperCase(Locale.ROOT);
        return new HttpApiEvent(name, method, path, apiLogicalId, api.apiId(), authorizer, scopes,
                p.path("PayloadFormatVersion").asText("2.0"));
    }

    private SqsEvent sqsEvent(String name, String queueArn, JsonNode p) {
        QueueRef queue = queueByArn(queueArn)
                .map(q -> new QueueRef(Optional.of(q.logicalId()), q.queueName(), q.url(), q.arn()))
                .orElseGet(() -> {
                    String queueName = queueArn.substring(queueArn.lastIndexOf(':') + 1);
                    return new QueueRef(Optional.empty(), queueName, resolver.queueUrl(queueName), queueArn);
                });
        JsonNode concurrency = p.path("ScalingConfig").path("MaximumConcurrency");
        return new SqsEvent(name, queue, p.path("BatchSize").asInt(10), p.path("MaximumBatchingWindowInSeconds").asInt(0),
                reportsBatchItemFailures(p), p.path("Enabled").asBoolean(true),
                concurrency.isMissingNode() ? Optional.empty() : Optional.of(concurrency.asInt()), filters(p));
    }

    private DynamoDbStreamEvent streamEvent(String name, String streamArn, JsonNode p, String at) {
        TableRef table = tableByArn(streamArn)
                .map(t -> new TableRef(Optional.of(t.logicalId()), t.tableName(), t.streamArn().orElse(streamArn)))
                .orElseGet(() -> new TableRef(Optional.empty(), tableNameFromArn(streamArn).orElseThrow(() ->
                        new TemplateException(at + ": '" + streamArn + "' is not a DynamoDB stream ARN")), streamArn));
        return new DynamoDbStreamEvent(name, table, p.path("StartingPosition").asText("LATEST"),
                p.path("BatchSize").asInt(100), p.path("MaximumBatchingWindowInSeconds").asInt(0),
                p.path("BisectBatchOnFunctionError").asBoolean(false), p.path("MaximumRetryAttempts").asInt(-1),
                p.path("MaximumRecordAgeInSeconds").asInt(-1), reportsBatchItemFailures(p),
                text(p.path("DestinationConfig").path("OnFailure").path("Destination")),
                p.path("ParallelizationFactor").asInt(1), p.path("Enabled").asBoolean(true), filters(p));
    }

    private static boolean reportsBatchItemFailures(JsonNode p) {
        return strings(p.path("FunctionResponseTypes")).contains("ReportBatchItemFailures");
    }

    private static List<String> filters(JsonNode p) {
        List<String> out = new ArrayList<>();
        p.path("FilterCriteria").path("Filters").forEach(f -> {
            JsonNode pattern = f.path("Pattern");
            out.add(pattern.isTextual() ? pattern.asText() : pattern.toString());
        });
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- helpers

    private List<SamTemplate.Resource> active(String... types) {
        List<String> wanted = List.of(types);
        return resolver.template().resources().values().stream()
                .filter(r -> wanted.contains(r.type()))
                .filter(r -> resolver.isActive(r.logicalId()))
                .toList();
    }

    private JsonNode props(SamTemplate.Resource r) {
        JsonNode p = resolver.resolve(r.properties(), "Resources." + r.logicalId() + ".Properties");
        return p.isMissingNode() ? JsonNodeFactory.instance.objectNode() : p;
    }

    /**
     * Resolves only the named properties: the rest (Policies, Tags, VpcConfig...) may use intrinsics that
     * mean nothing locally and must not break startup.
     */
    private JsonNode props(SamTemplate.Resource r, String... names) {
        ObjectNode subset = JsonNodeFactory.instance.objectNode();
        for (String name : names) {
            if (r.properties().has(name)) {
                subset.set(name, r.properties().get(name));
            }
        }
        return resolver.resolve(subset, "Resources." + r.logicalId() + ".Properties");
    }

    /** Some properties (RedrivePolicy, FilterPolicy) may be written as a JSON string instead of an object. */
    private static JsonNode json(JsonNode node, String path) {
        if (!node.isTextual()) {
            return node;
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(node.asText());
        } catch (Exception e) {
            throw new TemplateException(path + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode p, String property, String at) {
        JsonNode v = p.path(property);
        if (!v.isValueNode()) {
            throw new TemplateException(at + ".Properties." + property + " is required");
        }
        return v.asText();
    }

    private static String textOf(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static Optional<String> text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? Optional.empty()
                : Optional.of(node.isValueNode() ? node.asText() : node.toString());
    }

    private static List<String> strings(JsonNode node) {
        if (node.isValueNode()) {
            return List.of(node.asText());
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return Collections.unmodifiableMap(items.stream().collect(
                Collectors.toMap(key, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
    }
}

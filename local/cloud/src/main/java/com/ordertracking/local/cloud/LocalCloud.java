package com.ordertracking.local.cloud;

import com.ordertracking.local.cloud.provision.ProvisionedResources;
import com.ordertracking.local.cloud.provision.Provisioner;
import com.ordertracking.local.cloud.sns.Outbox;
import com.ordertracking.local.cloud.sns.SnsEndpoint;
import com.ordertracking.local.cloud.template.FunctionSpec;
import com.ordertracking.local.cloud.template.LocalAccount;
import com.ordertracking.local.cloud.template.SamTemplate;
import com.ordertracking.local.cloud.template.TemplateModel;
import com.ordertracking.local.cloud.template.TemplateResolver;
import com.ordertracking.shared.wiring.AwsClients;
import com.ordertracking.shared.wiring.FunctionEnvironment;
import com.ordertracking.shared.wiring.Settings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS services this system uses, on a laptop: DynamoDB Local and ElasticMQ in this JVM plus an
 * SNS endpoint speaking the real query protocol. Each service independently may instead be an
 * external one (LocalStack, Floci, another stack) named by {@code AWS_ENDPOINT_URL_<SERVICE>} or
 * {@code AWS_ENDPOINT_URL}. Either way every table, queue, topic and subscription of template.yaml
 * is provisioned from the template itself on the side it belongs to, and functions get the
 * environment the template gives them.
 */
public final class LocalCloud implements AutoCloseable {
    private static final String LOCAL_KEY = "local";

    private final List<AutoCloseable> servers;
    private final Endpoints endpoints;
    private final AwsClients clients;
    private final Map<String, String> awsEnvironment;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final SnsClient sns;
    private final SnsEndpoint snsEndpoint;
    private final Outbox outbox;
    private final TemplateModel model;

    /**
     * Where the services listen and which of them run in this JVM ({@code embedded}) rather than at an
     * endpoint named by {@code AWS_ENDPOINT_URL_<SERVICE>} or {@code AWS_ENDPOINT_URL}.
     */
    public record Endpoints(URI dynamoDb, URI sqs, URI sns, boolean dynamoDbEmbedded, boolean sqsEmbedded,
            boolean snsEmbedded) {
        /** True when all three services run in this JVM. */
        public boolean embedded() {
            return dynamoDbEmbedded && sqsEmbedded && snsEmbedded;
        }
    }

    /**
     * How to start.
     *
     * @param template   the SAM template to provision and serve
     * @param parameters template parameter overrides
     * @param dataDir    where DynamoDB keeps its data between runs; null for in-memory
     * @param aws        AWS settings ({@code AWS_REGION}, keys, {@code AWS_ENDPOINT_URL[_<SERVICE>]}): each of
     *                   DynamoDB, SQS and SNS is embedded unless an endpoint URL names it
     */
    public record Options(Path template, Map<String, String> parameters, Path dataDir, Settings aws) {
        public Options {
            parameters = Map.copyOf(parameters);
        }

        /** The process environment decides, service by service. */
        public static Options fromEnvironment(Path template) {
            return new Options(template, Map.of(), null, Settings.of(System.getenv()));
        }

        public Options withDataDir(Path dir) {
            return new Options(template, parameters, dir, aws);
        }

        /** The same options with these template parameter overrides (as {@code sam deploy --parameter-overrides}). */
        public Options withParameters(Map<String, String> overrides) {
            Map<String, String> merged = new LinkedHashMap<>(parameters);
            merged.putAll(overrides);
            return new Options(template, merged, dataDir, aws);
        }

        public Options withAws(Map<String, String> settings) {
            return new Options(template, parameters, dataDir, Settings.of(settings));
        }
    }

    private LocalCloud(List<AutoCloseable> servers, Endpoints endpoints, Map<String, String> awsEnvironment,
            SnsEndpoint snsEndpoint, Outbox outbox, TemplateModel model,
            AwsClients clients) {
        this.servers = servers;
        this.endpoints = endpoints;
        this.awsEnvironment = Map.copyOf(awsEnvironment);
        this.clients = clients;
        this.dynamoDb = clients.dynamoDb();
        this.sqs = clients.sqs();
        this.sns = clients.sns();
        this.snsEndpoint = snsEndpoint;
        this.outbox = outbox;
        this.model = model;
    }

    public static LocalCloud start(Options options) {
        if (!Files.isRegularFile(options.template())) {
            throw new LocalCloudException("Template not found: " + options.template().toAbsolutePath());
        }
        SamTemplate template = SamTemplate.load(options.template());
        AwsClients requested = new AwsClients(options.aws());
        Optional<URI> externalDynamoDb = requested.endpointFor("DYNAMODB");
        Optional<URI> externalSqs = requested.endpointFor("SQS");
        Optional<URI> externalSns = requested.endpointFor("SNS");
        if (externalSns.isPresent() && externalSqs.isEmpty()) {
            throw new LocalCloudException("AWS_ENDPOINT_URL_SNS names an external SNS but SQS is embedded: an external"
                    + " SNS cannot deliver to queues in this JVM; also set AWS_ENDPOINT_URL_SQS");
        }
        boolean anyExternal = externalDynamoDb.isPresent() || externalSqs.isPresent() || externalSns.isPresent();
        List<AutoCloseable> servers = new ArrayList<>();
        try {
            LocalAccount account = LocalAccount.defaults();
            if (anyExternal) {
                account = new LocalAccount(requested.region().id(), account.accountId(), account.stackName(),
                        account.endpoints());
            }
            // One region and one set of keys for every client; embedded services accept any keys.
            Map<String, String> awsEnvironment = new LinkedHashMap<>();
            awsEnvironment.put("AWS_REGION", account.region());
            boolean externalKeys = anyExternal && options.aws().optional("AWS_ACCESS_KEY_ID").isPresent();
            for (String name : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")) {
                Optional<String> value = externalKeys ? options.aws().optional(name)
                        : name.equals("AWS_SESSION_TOKEN") ? Optional.empty() : Optional.of(LOCAL_KEY);
                value.ifPresent(v -> awsEnvironment.put(name, v));
            }
            URI dynamoDbEndpoint = externalDynamoDb.orElseGet(() ->
                    started(servers, EmbeddedDynamoDb.start(0, options.dataDir())).endpoint());
            awsEnvironment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint.toString());
            String region = account.region();
            String accountId = account.accountId();
            URI sqsEndpoint = externalSqs.orElseGet(() ->
                    started(servers, EmbeddedSqs.start(0, region, accountId)).endpoint());
            awsEnvironment.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString());
            Outbox outbox = new Outbox();
            SnsEndpoint snsEndpoint = null;
            if (externalSns.isEmpty()) {
                // The embedded SNS delivers to the queues wherever SQS is.
                snsEndpoint = started(servers, new SnsEndpoint(region, accountId,
                        new AwsClients(Settings.of(awsEnvironment)).sqs(), outbox).start());
            }
            URI snsUri = externalSns.orElse(snsEndpoint == null ? null : snsEndpoint.endpoint());
            awsEnvironment.put("AWS_ENDPOINT_URL_SNS", snsUri.toString());
            Endpoints endpoints = new Endpoints(dynamoDbEndpoint, sqsEndpoint, snsUri, externalDynamoDb.isEmpty(),
                    externalSqs.isEmpty(), externalSns.isEmpty());
            account = account.withEndpoints(new LocalAccount.Endpoints(endpoints.dynamoDb(), endpoints.sqs(), endpoints.sns()));
            AwsClients clients = new AwsClients(Settings.of(awsEnvironment));
            TemplateResolver resolver = new TemplateResolver(template, account, options.parameters());
            // Each client talks to its own side: tables where DynamoDB is, queues where SQS is, topics where SNS is.
            ProvisionedResources provisioned = new Provisioner(clients.dynamoDb(), clients.sqs(), clients.sns(),
                    resolver).provision();
            TemplateModel model = TemplateModel.of(provisioned.applyTo(resolver));
            return new LocalCloud(servers, endpoints, awsEnvironment, snsEndpoint, outbox, model, clients);
        } catch (RuntimeException e) {
            closeAll(servers);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T started(List<AutoCloseable> servers, T server) {
        servers.add(server);
        return server;
    }

    /** The template.yaml of this repository: the nearest one at or above the working directory. */
    public static Path findTemplate() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            Path template = candidate.resolve("template.yaml");
            if (Files.isRegularFile(template) && Files.isDirectory(candidate.resolve("functions"))) {
                return template;
            }
        }
        throw new LocalCloudException("No template.yaml found in " + dir + " or above");
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public TemplateModel model() {
        return model;
    }

    /**
     * What {@code !Ref} gives for a template resource, as functions see it: a table's name, a
     * queue's URL, a topic's ARN.
     */
    public String physicalName(String logicalId) {
        return model.resolver().ref(logicalId, "LocalCloud.physicalName(" + logicalId + ")").asText();
    }

    /** The AWS settings (region, credentials, endpoints) every client and function here uses. */
    public Map<String, String> awsEnvironment() {
        return awsEnvironment;
    }

    /**
     * The environment a function would get on AWS (its variables from template.yaml, resolved, plus
     * the Lambda-provided ones) with the AWS settings of this stack.
     */
    public Map<String, String> functionEnvironment(String logicalId) {
        FunctionSpec function = model.function(logicalId)
                .orElseThrow(() -> new LocalCloudException("No function " + logicalId + " in template.yaml"));
        Map<String, String> env = new LinkedHashMap<>(awsEnvironment);
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.functionName());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySize()));
        env.putAll(function.loggingEnvironment());
        env.putAll(function.environment());
        return env;
    }

    /** Constructs a handler the way Lambda would: once, with the function's environment active. */
    public <T> T instantiate(String logicalId, Supplier<T> handlerFactory) {
        return FunctionEnvironment.with(functionEnvironment(logicalId), handlerFactory);
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public DynamoDbStreamsClient dynamoDbStreams() {
        return clients.dynamoDbStreams();
    }

    public SqsClient sqs() {
        return sqs;
    }

    public SnsClient sns() {
        return sns;
    }

    /** SMS and email the embedded SNS endpoint would have delivered (stays empty when SNS is external). */
    public Outbox outbox() {
        return outbox;
    }

    /** The embedded SNS endpoint, e.g. to stop and restart it in a resilience test. */
    public Optional<SnsEndpoint> snsEndpoint() {
        return Optional.ofNullable(snsEndpoint);
    }

    @Override
    public void close() {
        dynamoDb.close();
        sqs.close();
        sns.close();
        closeAll(servers);
    }

    private static void closeAll(List<AutoCloseable> servers) {
        for (int i = servers.size() - 1; i >= 0; i--) {
            try {
                servers.get(i).close();
            } catch (Exception e) {
                // Shutting down: keep closing the rest.
            }
        }
    }
}

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
 * SNS endpoint speaking the real query protocol — or, when {@code AWS_ENDPOINT_URL} is set, an
 * external emulator such as LocalStack or Floci. Either way every table, queue, topic and
 * subscription of template.yaml is provisioned from the template itself, and functions get the
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

    /** Where the services listen; {@code embedded} is false when an external emulator is used. */
    public record Endpoints(URI dynamoDb, URI sqs, URI sns, boolean embedded) {
    }

    /**
     * How to start.
     *
     * @param template   the SAM template to provision and serve
     * @param parameters template parameter overrides
     * @param dataDir    where DynamoDB keeps its data between runs; null for in-memory
     * @param external   AWS settings naming an external endpoint ({@code AWS_ENDPOINT_URL...}); empty
     *                   to start the embedded services
     */
    public record Options(Path template, Map<String, String> parameters, Path dataDir, Optional<Settings> external) {
        public Options {
            parameters = Map.copyOf(parameters);
        }

        /** Embedded unless the process environment names an external endpoint. */
        public static Options fromEnvironment(Path template) {
            Settings env = Settings.of(System.getenv());
            boolean external = env.optional("AWS_ENDPOINT_URL").isPresent()
                    || env.optional("AWS_ENDPOINT_URL_DYNAMODB").isPresent();
            return new Options(template, Map.of(), null, external ? Optional.of(env) : Optional.empty());
        }

        public Options withDataDir(Path dir) {
            return new Options(template, parameters, dir, external);
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
        List<AutoCloseable> servers = new ArrayList<>();
        try {
            LocalAccount account = LocalAccount.defaults();
            Map<String, String> awsEnvironment = new LinkedHashMap<>();
            SnsEndpoint snsEndpoint = null;
            Outbox outbox = new Outbox();
            Endpoints endpoints;
            if (options.external().isPresent()) {
                Settings external = options.external().get();
                AwsClients probe = new AwsClients(external);
                endpoints = new Endpoints(endpoint(probe, "DYNAMODB"), endpoint(probe, "SQS"), endpoint(probe, "SNS"), false);
                for (String name : List.of("AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                        "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL")) {
                    external.optional(name).ifPresent(value -> awsEnvironment.put(name, value));
                }
                account = new LocalAccount(probe.region().id(), account.accountId(), account.stackName(),
                        account.endpoints());
            } else {
                EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start(0, options.dataDir());
                servers.add(dynamo);
                EmbeddedSqs elasticMq = EmbeddedSqs.start(0, account.region(), account.accountId());
                servers.add(elasticMq);
                awsEnvironment.put("AWS_REGION", account.region());
                awsEnvironment.put("AWS_ACCESS_KEY_ID", LOCAL_KEY);
                awsEnvironment.put("AWS_SECRET_ACCESS_KEY", LOCAL_KEY);
                awsEnvironment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
                awsEnvironment.put("AWS_ENDPOINT_URL_SQS", elasticMq.endpoint().toString());
                snsEndpoint = new SnsEndpoint(account.region(), account.accountId(),
                        new AwsClients(Settings.of(awsEnvironment)).sqs(), outbox).start();
                servers.add(snsEndpoint);
                awsEnvironment.put("AWS_ENDPOINT_URL_SNS", snsEndpoint.endpoint().toString());
                endpoints = new Endpoints(dynamo.endpoint(), elasticMq.endpoint(), snsEndpoint.endpoint(), true);
            }
            account = account.withEndpoints(new LocalAccount.Endpoints(endpoints.dynamoDb(), endpoints.sqs(), endpoints.sns()));
            AwsClients clients = new AwsClients(Settings.of(awsEnvironment));
            TemplateResolver resolver = new TemplateResolver(template, account, options.parameters());
            ProvisionedResources provisioned = new Provisioner(clients.dynamoDb(), clients.sqs(), clients.sns(),
                    resolver).provision();
            TemplateModel model = TemplateModel.of(provisioned.applyTo(resolver));
            return new LocalCloud(servers, endpoints, awsEnvironment, snsEndpoint, outbox, model, clients);
        } catch (RuntimeException e) {
            closeAll(servers);
            throw e;
        }
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

    /** SMS and email the SNS endpoint would have delivered (embedded mode only). */
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

    private static URI endpoint(AwsClients clients, String service) {
        return clients.endpointFor(service).orElse(null);
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

package com.ordertracking.local.runtime;

import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.cloud.LocalCloudException;
import com.ordertracking.local.cloud.template.FunctionEvent;
import com.ordertracking.local.cloud.template.FunctionEvent.DynamoDbStreamEvent;
import com.ordertracking.local.cloud.template.FunctionEvent.HttpApiEvent;
import com.ordertracking.local.cloud.template.FunctionEvent.ScheduleEvent;
import com.ordertracking.local.cloud.template.FunctionEvent.SqsEvent;
import com.ordertracking.local.cloud.template.FunctionSpec;
import com.ordertracking.local.cloud.template.HttpApiSpec;
import com.ordertracking.local.cloud.template.QueueSpec;
import com.ordertracking.local.cloud.template.SamTemplate;
import com.ordertracking.local.cloud.template.TemplateModel;
import com.ordertracking.local.runtime.api.HttpApiGateway;
import com.ordertracking.local.runtime.api.Route;
import com.ordertracking.local.runtime.auth.LocalJwtAuthorizer;
import com.ordertracking.local.runtime.invoke.ExecutionSlots;
import com.ordertracking.local.runtime.invoke.FunctionConfig;
import com.ordertracking.local.runtime.invoke.FunctionInstance;
import com.ordertracking.local.runtime.invoke.HandlerInvoker;
import com.ordertracking.local.runtime.schedule.ScheduleRunner;
import com.ordertracking.local.runtime.schedule.ScheduleRunner.ScheduleConfig;
import com.ordertracking.local.runtime.sqs.SqsEventSourceConfig;
import com.ordertracking.local.runtime.sqs.SqsEventSourcePoller;
import com.ordertracking.local.runtime.streams.DynamoDbStreamConfig;
import com.ordertracking.local.runtime.streams.DynamoDbStreamPoller;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole system on a laptop: the embedded AWS stack provisioned from template.yaml, every
 * HttpApi route served over HTTP with the template's JWT authorizer emulated, every SQS and
 * DynamoDB Streams event source mapping polled, every schedule run — all against the real handler
 * classes named in the template, each instantiated like a warm Lambda container with its own
 * environment. Nothing here knows about particular functions: the template drives everything.
 */
public final class LocalRuntime implements AutoCloseable {
    /** How long failed SQS messages stay invisible before the retry (Lambda waits the full visibility timeout). */
    static final Duration SQS_RETRY_DELAY = Duration.ofSeconds(1);
    /** Long-poll wait of SQS consumers, as Lambda's pollers use: a quiet queue costs one request per 20 s. */
    static final int SQS_LONG_POLL_SECONDS = 20;
    private static final String LOOPBACK = "127.0.0.1";
    /** The template parameter behind every link to the tracking page. */
    private static final String PUBLIC_BASE_URL = "PublicBaseUrl";

    private final LocalCloud cloud;
    private final Map<String, FunctionInstance> functions;
    private final Map<String, HandlerInvoker> invokers;
    private final LocalJwtAuthorizer authorizer;
    private final HttpApiGateway gateway;
    private final List<SqsEventSourcePoller> sqsPollers;
    private final List<DynamoDbStreamPoller> streamPollers;
    private final ScheduleRunner schedules;

    /**
     * Where and how to run. {@code port} 0 picks a free port. {@code aws}: the AWS settings that decide,
     * service by service, embedded or external ({@code AWS_ENDPOINT_URL[_<SERVICE>]}); by default the
     * process environment. {@code parameters} override template parameter defaults (like
     * {@code sam deploy --parameter-overrides}).
     */
    public record Options(Path template, int port, Path dataDir, Map<String, String> aws, Map<String, String> parameters) {
        public Options {
            aws = Map.copyOf(aws);
            parameters = Map.copyOf(parameters);
        }

        public Options(Path template, int port, Path dataDir) {
            this(template, port, dataDir, System.getenv(), Map.of());
        }
    }

    private LocalRuntime(LocalCloud cloud, Map<String, FunctionInstance> functions,
            Map<String, HandlerInvoker> invokers, LocalJwtAuthorizer authorizer, HttpApiGateway gateway,
            List<SqsEventSourcePoller> sqsPollers, List<DynamoDbStreamPoller> streamPollers,
            ScheduleRunner schedules) {
        this.cloud = cloud;
        this.functions = functions;
        this.invokers = invokers;
        this.authorizer = authorizer;
        this.gateway = gateway;
        this.sqsPollers = sqsPollers;
        this.streamPollers = streamPollers;
        this.schedules = schedules;
    }

    /**
     * Boots everything; throws {@link LocalCloudException} with a one-line reason when the template is
     * broken or the port is taken.
     */
    public static LocalRuntime start(Options options) {
        // ElasticMQ's Pekko scheduler wakes every 10 ms by default, about 1% of a core on an idle laptop (0.3% at
        // 100 ms). It only times long-poll ends (whole seconds; a new message answers a waiting poll at once, not on
        // a tick), so 500 ms is plenty. A value set by the user wins.
        if (System.getProperty("pekko.scheduler.tick-duration") == null) {
            System.setProperty("pekko.scheduler.tick-duration", "500ms");
        }
        // The port first: links in messages and pages (PublicBaseUrl) must name the real one.
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(LOOPBACK, options.port()), 0);
        } catch (BindException e) {
            throw new LocalCloudException("Port " + options.port() + " is already in use; choose another with --port");
        } catch (IOException e) {
            throw new LocalCloudException("The HTTP server could not start: " + e.getMessage(), e);
        }
        LocalCloud cloud;
        try {
            LocalCloud.Options cloudOptions = LocalCloud.Options.fromEnvironment(options.template())
                    .withAws(options.aws()).withDataDir(options.dataDir())
                    .withParameters(options.parameters());
            if (declaresPublicBaseUrl(options.template())) {
                cloudOptions = cloudOptions.withParameters(Map.of(PUBLIC_BASE_URL, publicBaseUrl(server)));
            }
            cloud = LocalCloud.start(cloudOptions);
        } catch (RuntimeException e) {
            server.stop(0);
            throw e;
        }
        List<AutoCloseable> started = new ArrayList<>();
        try {
            TemplateModel model = cloud.model();
            String region = cloud.awsEnvironment().getOrDefault("AWS_REGION", "us-east-1");
            Map<String, FunctionInstance> functions = new LinkedHashMap<>();
            // Two pools: HTTP functions never queue behind DynamoDB-bound queue and stream consumers (a carrier's
            // webhook must be answered while the tracking processor drains a burst), and vice versa.
            ExecutionSlots apiSlots = ExecutionSlots.fromSystemProperties();
            ExecutionSlots eventSlots = ExecutionSlots.fromSystemProperties();
            for (FunctionSpec function : model.functions()) {
                boolean servesHttp = function.events().stream().anyMatch(HttpApiEvent.class::isInstance);
                functions.put(function.logicalId(), new FunctionInstance(new FunctionConfig(function.logicalId(),
                        function.handler(), cloud.functionEnvironment(function.logicalId()),
                        Duration.ofSeconds(function.timeout()), function.memorySize(), region),
                        servesHttp ? apiSlots : eventSlots));
            }
            LocalJwtAuthorizer authorizer = new LocalJwtAuthorizer(jwtConfig(model));

            List<Route> routes = new ArrayList<>();
            List<SqsEventSourcePoller> sqsPollers = new ArrayList<>();
            List<DynamoDbStreamPoller> streamPollers = new ArrayList<>();
            Map<String, HandlerInvoker> invokers = wakingStreamPollers(functions, streamPollers);
            List<ScheduleConfig> scheduleConfigs = new ArrayList<>();
            for (FunctionSpec function : model.functions()) {
                HandlerInvoker invoker = invokers.get(function.logicalId());
                for (FunctionEvent event : function.events()) {
                    switch (event) {
                        case HttpApiEvent http -> routes.add(new Route(http.method(), http.path(),
                                function.logicalId(), http.authorizer().isPresent(), http.authorizationScopes()));
                        case SqsEvent sqs when sqs.enabled() -> {
                            QueueSpec queue = model.queueByArn(sqs.queue().arn()).orElse(null);
                            SqsEventSourceConfig config = new SqsEventSourceConfig(
                                    function.logicalId(), sqs.queue().url(), sqs.queue().arn(), sqs.batchSize(),
                                    sqs.maximumBatchingWindowInSeconds(), sqs.reportBatchItemFailures(),
                                    queue == null ? null : queue.visibilityTimeout(), SQS_RETRY_DELAY,
                                    SQS_LONG_POLL_SECONDS, region, sqs.maximumConcurrency().orElse(0));
                            sqsPollers.add(new SqsEventSourcePoller(config, cloud.sqs(), invoker));
                        }
                        case DynamoDbStreamEvent stream when stream.enabled() -> {
                            String onFailure = stream.onFailureDestination()
                                    .flatMap(model::queueByArn).map(QueueSpec::url).orElse(null);
                            String streamArn = stream.table().streamArn() != null ? stream.table().streamArn()
                                    : DynamoDbStreamPoller.latestStreamArn(cloud.dynamoDb(), stream.table().tableName());
                            DynamoDbStreamPoller poller = new DynamoDbStreamPoller(new DynamoDbStreamConfig(
                                    function.logicalId(), streamArn,
                                    DynamoDbStreamConfig.StartingPosition.valueOf(stream.startingPosition()),
                                    stream.batchSize(), stream.maximumBatchingWindowInSeconds(),
                                    stream.bisectBatchOnFunctionError(), stream.maximumRetryAttempts(),
                                    stream.reportBatchItemFailures(), onFailure, region, null, null),
                                    cloud.dynamoDbStreams(), cloud.sqs(), invoker);
                            streamPollers.add(poller);
                        }
                        case ScheduleEvent schedule -> scheduleConfigs.add(new ScheduleConfig(function.logicalId(),
                                function.logicalId() + "-" + schedule.name(), schedule.expression(),
                                schedule.enabled(), region, null));
                        default -> {
                            // Disabled mappings are provisioned but not polled, as on AWS.
                        }
                    }
                }
            }
            ScheduleRunner schedules = new ScheduleRunner(scheduleConfigs, invokers::get, Clock.systemUTC());
            HttpApiGateway gateway = new HttpApiGateway(new HttpApiGateway.Config(LOOPBACK, options.port(),
                    HttpApiGateway.Config.API_GATEWAY_MAX_BODY), routes, invokers::get, authorizer);
            LocalRuntime runtime = new LocalRuntime(cloud, functions, invokers, authorizer, gateway, sqsPollers,
                    streamPollers, schedules);
            DeveloperEndpoints.register(gateway, runtime);
            gateway.start(server);
            started.add(gateway);
            sqsPollers.forEach(p -> started.add(p.start()));
            streamPollers.forEach(p -> started.add(p.start()));
            started.add(schedules.start());
            return runtime;
        } catch (RuntimeException e) {
            server.stop(0);
            closeQuietly(started);
            cloud.close();
            throw e;
        }
    }

    /**
     * The functions as event sources call them: after each invocation (anything that may have written to a table)
     * the stream pollers are woken, so they can back off for seconds while the system is quiet without adding that
     * delay to the first change after a quiet spell. Writes from outside (e.g. the AWS CLI) are seen within the
     * pollers' longest idle pause.
     */
    private static Map<String, HandlerInvoker> wakingStreamPollers(Map<String, FunctionInstance> functions,
                                                                   List<DynamoDbStreamPoller> streamPollers) {
        Map<String, HandlerInvoker> invokers = new LinkedHashMap<>();
        functions.forEach((id, function) -> invokers.put(id, (event, trigger) -> {
            try {
                return function.invoke(event, trigger);
            } finally {
                streamPollers.forEach(DynamoDbStreamPoller::wake);
            }
        }));
        return Map.copyOf(invokers);
    }

    /** The issuer and audience of the template's JWT authorizer, so minted tokens pass as they would on AWS. */
    private static LocalJwtAuthorizer.Config jwtConfig(TemplateModel model) {
        Optional<HttpApiSpec.JwtAuthorizer> jwt = model.httpApis().stream()
                .flatMap(api -> api.jwtAuthorizers().values().stream())
                .findFirst();
        return jwt.map(a -> new LocalJwtAuthorizer.Config(a.issuer(), a.audience().isEmpty() ? null : a.audience().getFirst()))
                .orElse(LocalJwtAuthorizer.Config.defaults());
    }

    /** How links name this runtime: {@code http://localhost:<port>}, the port really bound. */
    public URI baseUri() {
        return URI.create(publicBaseUrl(gateway.port()));
    }

    /** Templates without the parameter (e.g. a test's own) have no links to fix. */
    private static boolean declaresPublicBaseUrl(Path template) {
        return Files.isRegularFile(template) && SamTemplate.load(template).parameters().containsKey(PUBLIC_BASE_URL);
    }

    private static String publicBaseUrl(HttpServer server) {
        return publicBaseUrl(server.getAddress().getPort());
    }

    private static String publicBaseUrl(int port) {
        return "http://localhost:" + port;
    }

    public LocalCloud cloud() {
        return cloud;
    }

    public LocalJwtAuthorizer authorizer() {
        return authorizer;
    }

    public Map<String, FunctionInstance> functions() {
        return functions;
    }

    /** True once every stream poller has its shard iterators (so no change is missed from now on). */
    public boolean isReady() {
        return streamPollers.stream().allMatch(DynamoDbStreamPoller::isReady);
    }

    /** Runs a function now: a scheduled function with its scheduled event, any other with {@code input}. */
    public Object invoke(String logicalId, Object input) {
        FunctionInstance function = functions.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException("No function " + logicalId + " in the template; known: " + functions.keySet());
        }
        boolean scheduled = cloud.model().function(logicalId)
                .map(f -> !f.eventsOfType(ScheduleEvent.class).isEmpty()).orElse(false);
        return scheduled && input == null ? schedules.runNow(logicalId)
                : invokers.get(logicalId).invoke(input, "local-invoke");
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>();
        all.add(gateway);
        all.addAll(sqsPollers);
        all.addAll(streamPollers);
        all.add(schedules);
        closeQuietly(all);
        cloud.close();
    }

    private static void closeQuietly(List<? extends AutoCloseable> closeables) {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Shutting down: keep closing the rest.
            }
        }
    }
}

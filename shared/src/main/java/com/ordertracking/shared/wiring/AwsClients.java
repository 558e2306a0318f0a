package com.ordertracking.shared.wiring;

import static java.util.concurrent.CompletableFuture.completedFuture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClientBuilder;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The one place AWS clients are built: region from {@code AWS_REGION}, an explicit credentials provider (no
 * default-chain probing at cold start, see {@link #credentials()}), the lightweight URL-connection HTTP client, and
 * the standard endpoint overrides {@code AWS_ENDPOINT_URL_<SERVICE>} then {@code AWS_ENDPOINT_URL}. The same code
 * therefore runs on AWS, on LocalStack/Floci and on the embedded stack. Clients are built once per container by
 * {@link Components}; each is primed before a SnapStart snapshot ({@link SnapStartPriming}, registered here).
 *
 * <p>Cold start: where the endpoint is known (an override, or a regional endpoint of the commercial, China or
 * GovCloud partitions, see {@link #knownEndpoint}) each client gets it as a fixed endpoint provider, so that neither
 * the SDK's per-service endpoint rules engine nor its region metadata runs on the first request.
 */
public final class AwsClients {
    /** Region names of the {@code aws} and {@code aws-us-gov} partitions (the SDK's partition data), and of {@code aws-cn}. */
    private static final Pattern COMMERCIAL_OR_GOVCLOUD_REGION =
            Pattern.compile("^(us|eu|ap|sa|ca|me|af|il|mx)-\\w+-\\d+$|^us-gov-\\w+-\\d+$");
    private static final Pattern CHINA_REGION = Pattern.compile("^cn-\\w+-\\d+$");

    /**
     * Connections to an emulator's {@code http://} endpoint. The SDK's default factory builds a TLS context (the JDK's
     * trust store parsed, ~200 security classes) when the HTTP client is built, which such endpoints never use. A
     * custom factory also sets the timeouts: the SDK's defaults, as its own factory would.
     */
    private static final UrlConnectionFactory PLAIN_HTTP = uri -> {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(millis(SdkHttpConfigurationOption.CONNECTION_TIMEOUT));
            connection.setReadTimeout(millis(SdkHttpConfigurationOption.READ_TIMEOUT));
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    private final Settings settings;
    /** Held here: org.crac keeps registered resources only weakly. */
    private final SnapStartPriming priming;
    private SdkHttpClient plainHttpClient;
    private SdkHttpClient tlsHttpClient;

    public AwsClients(Settings settings) {
        this.settings = settings;
        this.priming = new SnapStartPriming(settings);
        // Lambda names the initialisation of a SnapStart version "snap-start"; elsewhere no checkpoint is ever taken
        // and registering would only load org.crac (it probes for a CRaC JVM) on the cold-start path.
        if ("snap-start".equals(settings.optional("AWS_LAMBDA_INITIALIZATION_TYPE").orElse(null))) {
            org.crac.Core.getGlobalContext().register(priming);
        }
    }

    /** The SnapStart priming of the clients built here (runs at the checkpoint; tests may run it directly). */
    public SnapStartPriming priming() {
        return priming;
    }


    public DynamoDbClient dynamoDb() {
        Optional<Endpoint> endpoint = knownEndpoint("dynamodb", "DYNAMODB");
        DynamoDbClientBuilder builder = configure(DynamoDbClient.builder(), endpoint);
        endpoint.ifPresent(e -> builder.endpointProvider(params -> completedFuture(e)));
        return priming.track(builder.build());
    }

    public DynamoDbStreamsClient dynamoDbStreams() {
        // DynamoDB Streams shares DynamoDB's endpoint on every emulator we support.
        Optional<Endpoint> endpoint = knownEndpoint("streams.dynamodb", "DYNAMODB_STREAMS", "DYNAMODB");
        DynamoDbStreamsClientBuilder builder = configure(DynamoDbStreamsClient.builder(), endpoint);
        endpoint.ifPresent(e -> builder.endpointProvider(params -> completedFuture(e)));
        return builder.build();
    }

    public SqsClient sqs() {
        Optional<Endpoint> endpoint = knownEndpoint("sqs", "SQS");
        SqsClientBuilder builder = configure(SqsClient.builder(), endpoint);
        endpoint.ifPresent(e -> builder.endpointProvider(params -> completedFuture(e)));
        return priming.track(builder.build());
    }

    public SnsClient sns() {
        Optional<Endpoint> endpoint = knownEndpoint("sns", "SNS");
        SnsClientBuilder builder = configure(SnsClient.builder(), endpoint);
        endpoint.ifPresent(e -> builder.endpointProvider(params -> completedFuture(e)));
        return priming.track(builder.build());
    }

    /** The endpoint override for a service (SDK service id in upper snake case), if any. */
    public Optional<URI> endpointFor(String... serviceIds) {
        for (String id : serviceIds) {
            Optional<String> specific = settings.optional("AWS_ENDPOINT_URL_" + id.toUpperCase(Locale.ROOT));
            if (specific.isPresent()) {
                return specific.map(URI::create);
            }
        }
        return settings.optional("AWS_ENDPOINT_URL").map(URI::create);
    }

    public Region region() {
        return Region.of(settings.optional("AWS_REGION")
                .or(() -> settings.optional("AWS_DEFAULT_REGION"))
                .orElse("us-east-1"));
    }

    /**
     * Where a service is reached when that is known without the SDK's endpoint rules: the override, else the
     * regional endpoint {@code https://<prefix>.<region>.<dns suffix>} of the commercial, China and GovCloud
     * partitions. Empty where the rules must decide (FIPS or dual-stack endpoints asked for, another partition):
     * the client then keeps the SDK's rules-based provider.
     */
    Optional<Endpoint> knownEndpoint(String endpointPrefix, String... serviceIds) {
        return endpointFor(serviceIds).or(() -> regionalEndpoint(endpointPrefix)).map(uri -> Endpoint.builder().url(uri).build());
    }

    private Optional<URI> regionalEndpoint(String endpointPrefix) {
        if (enabled("AWS_USE_FIPS_ENDPOINT") || enabled("AWS_USE_DUALSTACK_ENDPOINT")) {
            return Optional.empty();
        }
        String region = region().id();
        String dnsSuffix = COMMERCIAL_OR_GOVCLOUD_REGION.matcher(region).matches() ? "amazonaws.com"
                : CHINA_REGION.matcher(region).matches() ? "amazonaws.com.cn"
                : null;
        return Optional.ofNullable(dnsSuffix).map(suffix -> URI.create("https://" + endpointPrefix + "." + region + "." + suffix));
    }

    private boolean enabled(String setting) {
        return settings.optional(setting).filter(v -> v.equalsIgnoreCase("true")).isPresent();
    }

    /**
     * The common configuration. A known endpoint is given both as the client's endpoint and (by the caller, whose
     * builder type has the setter) as a fixed endpoint provider: the SDK then neither looks the endpoint up in its
     * region metadata when the client is built nor runs its endpoint rules engine on the first request.
     */
    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(
            B builder, Optional<Endpoint> endpoint) {
        boolean plainHttp = endpoint.map(e -> "http".equalsIgnoreCase(e.url().getScheme())).orElse(false);
        builder.httpClient(httpClient(plainHttp))
                .region(region())
                .credentialsProvider(credentials())
                .overrideConfiguration(o -> o.addExecutionInterceptor(SnapStartPriming.GUARD));
        endpoint.ifPresent(e -> builder.endpointOverride(e.url()));
        return builder;
    }

    /**
     * One HTTP client for all the clients built here (per scheme): the TLS context is created once per function,
     * not once per AWS client. The SDK does not close a client it was given, which suits clients kept for the
     * container's lifetime.
     */
    private synchronized SdkHttpClient httpClient(boolean plainHttp) {
        if (plainHttp) {
            if (plainHttpClient == null) {
                plainHttpClient = UrlConnectionHttpClient.create(PLAIN_HTTP);
            }
            return plainHttpClient;
        }
        if (tlsHttpClient == null) {
            tlsHttpClient = UrlConnectionHttpClient.builder().build();
        }
        return tlsHttpClient;
    }

    private static int millis(SdkHttpConfigurationOption<Duration> timeout) {
        return Math.toIntExact(SdkHttpConfigurationOption.GLOBAL_HTTP_DEFAULTS.get(timeout).toMillis());
    }

    /**
     * The provider for where we run, chosen once instead of the default chain probing system properties, profile
     * files, web identity and the container/instance endpoints at cold start:
     * <ul>
     * <li>Lambda with SnapStart sets {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and no key variables: the container
     *     provider (credentials are fetched after the restore, never frozen in the snapshot);</li>
     * <li>Lambda without SnapStart puts the execution role's keys in the process environment: read from there on
     *     each resolution;</li>
     * <li>keys given in the function environment only (the local runtime's per-function overlay): static;</li>
     * <li>anything else (a developer's machine): the default chain.</li>
     * </ul>
     */
    private AwsCredentialsProvider credentials() {
        if (settings.optional("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()
                && settings.optional("AWS_ACCESS_KEY_ID").isEmpty()) {
            return ContainerCredentialsProvider.builder().build();
        }
        Optional<String> keyId = settings.optional("AWS_ACCESS_KEY_ID");
        Optional<String> secret = settings.optional("AWS_SECRET_ACCESS_KEY");
        if (keyId.isPresent() && secret.isPresent()
                && keyId.get().equals(System.getenv("AWS_ACCESS_KEY_ID"))
                && secret.get().equals(System.getenv("AWS_SECRET_ACCESS_KEY"))) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        if (keyId.isPresent() && secret.isPresent()) {
            Optional<String> token = settings.optional("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(token.isPresent()
                    ? AwsSessionCredentials.create(keyId.get(), secret.get(), token.get())
                    : AwsBasicCredentials.create(keyId.get(), secret.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}

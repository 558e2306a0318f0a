package com.ordertracking.shared.wiring;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The one place AWS clients are built: region from {@code AWS_REGION}, an explicit credentials provider (no
 * default-chain probing at cold start, see {@link #credentials()}), the lightweight URL-connection HTTP client, and
 * the standard endpoint overrides {@code AWS_ENDPOINT_URL_<SERVICE>} then {@code AWS_ENDPOINT_URL}. The same code
 * therefore runs on AWS, on LocalStack/Floci and on the embedded stack. Clients are built once per container by
 * {@link Components}; each is primed before a SnapStart snapshot ({@link SnapStartPriming}, registered here).
 */
public final class AwsClients {
    private final Settings settings;
    /** Held here: org.crac keeps registered resources only weakly. */
    private final SnapStartPriming priming;

    public AwsClients(Settings settings) {
        this.settings = settings;
        this.priming = new SnapStartPriming(settings);
        org.crac.Core.getGlobalContext().register(priming);
    }

    /** The SnapStart priming of the clients built here (runs at the checkpoint; tests may run it directly). */
    public SnapStartPriming priming() {
        return priming;
    }


    public DynamoDbClient dynamoDb() {
        return priming.track(configure(DynamoDbClient.builder(), "DYNAMODB").build());
    }

    public DynamoDbStreamsClient dynamoDbStreams() {
        // DynamoDB Streams shares DynamoDB's endpoint on every emulator we support.
        return configure(DynamoDbStreamsClient.builder(), "DYNAMODB_STREAMS", "DYNAMODB").build();
    }

    public SqsClient sqs() {
        return priming.track(configure(SqsClient.builder(), "SQS").build());
    }

    public SnsClient sns() {
        return priming.track(configure(SnsClient.builder(), "SNS").build());
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

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(
            B builder, String... serviceIds) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(region())
                .credentialsProvider(credentials())
                .overrideConfiguration(o -> o.addExecutionInterceptor(SnapStartPriming.GUARD));
        endpointFor(serviceIds).ifPresent(builder::endpointOverride);
        return builder;
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

package com.ordertracking.shared.wiring;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
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
 * The one place AWS clients are built: region from {@code AWS_REGION}, the default credentials
 * chain (or static keys when the function environment carries them, as the local runtime's does),
 * the lightweight URL-connection HTTP client, and the standard endpoint overrides
 * {@code AWS_ENDPOINT_URL_<SERVICE>} then {@code AWS_ENDPOINT_URL}. The same code therefore runs on
 * AWS, on LocalStack/Floci and on the embedded stack.
 */
public final class AwsClients {
    private final Settings settings;

    public AwsClients(Settings settings) {
        this.settings = settings;
    }


    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder(), "DYNAMODB").build();
    }

    public DynamoDbStreamsClient dynamoDbStreams() {
        // DynamoDB Streams shares DynamoDB's endpoint on every emulator we support.
        return configure(DynamoDbStreamsClient.builder(), "DYNAMODB_STREAMS", "DYNAMODB").build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder(), "SQS").build();
    }

    public SnsClient sns() {
        return configure(SnsClient.builder(), "SNS").build();
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
                .credentialsProvider(credentials());
        endpointFor(serviceIds).ifPresent(builder::endpointOverride);
        return builder;
    }

    private AwsCredentialsProvider credentials() {
        Optional<String> keyId = settings.optional("AWS_ACCESS_KEY_ID");
        Optional<String> secret = settings.optional("AWS_SECRET_ACCESS_KEY");
        if (keyId.isPresent() && secret.isPresent()) {
            Optional<String> token = settings.optional("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(token.isPresent()
                    ? AwsSessionCredentials.create(keyId.get(), secret.get(), token.get())
                    : AwsBasicCredentials.create(keyId.get(), secret.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}

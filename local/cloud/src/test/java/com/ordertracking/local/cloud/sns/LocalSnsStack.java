package com.ordertracking.local.cloud.sns;

import java.net.InetSocketAddress;
import java.net.URI;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** ElasticMQ plus the SNS endpoint on ephemeral loopback ports, with SDK v2 clients for both. */
final class LocalSnsStack implements AutoCloseable {
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "000000000000";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    final SQSRestServer elasticMq;
    final URI sqsEndpoint;
    final SqsClient sqs;
    final Outbox outbox = new Outbox();
    final SnsEndpoint snsEndpoint;
    final SnsClient sns;

    LocalSnsStack() {
        elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(0)
                .withAWSRegion(REGION).withAWSAccountId(ACCOUNT).start();
        InetSocketAddress bound = elasticMq.waitUntilStarted().localAddress();
        sqsEndpoint = URI.create("http://127.0.0.1:" + bound.getPort());
        sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(CREDENTIALS)
                .region(Region.of(REGION)).endpointOverride(sqsEndpoint).build();
        snsEndpoint = new SnsEndpoint(REGION, ACCOUNT, sqs, outbox).start();
        sns = SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(CREDENTIALS)
                .region(Region.of(REGION)).endpointOverride(snsEndpoint.endpoint()).build();
    }

    static String queueArn(String name) {
        return "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + name;
    }

    @Override
    public void close() {
        sns.close();
        snsEndpoint.close();
        sqs.close();
        elasticMq.stopAndWait();
    }
}

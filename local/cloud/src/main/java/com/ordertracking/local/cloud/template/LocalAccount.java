package com.ordertracking.local.cloud.template;

import java.net.URI;
import java.util.Objects;

/**
 * The fake AWS account the local stack pretends to be: feeds pseudo parameters ({@code AWS::Region},
 * {@code AWS::AccountId}, {@code AWS::StackName}) and the physical ids the resolver produces.
 *
 * @param region    e.g. {@code us-east-1}
 * @param accountId ElasticMQ's default is {@code 000000000000}, so queue ARNs/URLs line up with it
 * @param stackName prefix for generated physical names ({@code ${stackName}-${LogicalId}})
 * @param endpoints where the embedded services listen; the SQS one is the base of queue URLs
 */
public record LocalAccount(String region, String accountId, String stackName, Endpoints endpoints) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT_ID = "000000000000";
    public static final String DEFAULT_STACK_NAME = "order-tracking-local";

    public LocalAccount {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(endpoints, "endpoints");
    }

    /** us-east-1 / 000000000000 / {@value #DEFAULT_STACK_NAME} with ElasticMQ's default port for SQS. */
    public static LocalAccount defaults() {
        return new LocalAccount(DEFAULT_REGION, DEFAULT_ACCOUNT_ID, DEFAULT_STACK_NAME, Endpoints.defaults());
    }

    public LocalAccount withStackName(String name) {
        return new LocalAccount(region, accountId, name, endpoints);
    }

    public LocalAccount withEndpoints(Endpoints e) {
        return new LocalAccount(region, accountId, stackName, e);
    }

    /** Base URIs of the local services, without trailing slash; any may be null when not running. */
    public record Endpoints(URI dynamoDb, URI sqs, URI sns) {
        public static Endpoints defaults() {
            return new Endpoints(URI.create("http://localhost:8000"), URI.create("http://localhost:9324"), null);
        }

        public Endpoints withSqs(URI uri) {
            return new Endpoints(dynamoDb, uri, sns);
        }
    }
}

package com.ordertracking.shared.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;
import software.amazon.awssdk.services.dynamodb.streams.endpoints.DynamoDbStreamsEndpointProvider;
import software.amazon.awssdk.services.sns.endpoints.SnsEndpointProvider;
import software.amazon.awssdk.services.sqs.endpoints.SqsEndpointProvider;

class AwsClientsTest {

    /** The fixed endpoints must be the ones the SDK's endpoint rules would resolve, in every partition we cover. */
    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1", "il-central-1", "mx-central-1",
            "us-gov-west-1", "cn-north-1", "cn-northwest-1"})
    void regional_endpoints_are_the_ones_the_sdk_rules_resolve(String region) {
        AwsClients clients = clients(Map.of("AWS_REGION", region));
        Region r = Region.of(region);

        assertThat(url(clients.knownEndpoint("dynamodb", "DYNAMODB")))
                .isEqualTo(DynamoDbEndpointProvider.defaultProvider().resolveEndpoint(p -> p.region(r)).join().url());
        assertThat(url(clients.knownEndpoint("streams.dynamodb", "DYNAMODB_STREAMS", "DYNAMODB")))
                .isEqualTo(DynamoDbStreamsEndpointProvider.defaultProvider().resolveEndpoint(p -> p.region(r)).join().url());
        assertThat(url(clients.knownEndpoint("sqs", "SQS")))
                .isEqualTo(SqsEndpointProvider.defaultProvider().resolveEndpoint(p -> p.region(r)).join().url());
        assertThat(url(clients.knownEndpoint("sns", "SNS")))
                .isEqualTo(SnsEndpointProvider.defaultProvider().resolveEndpoint(p -> p.region(r)).join().url());
    }

    @Test
    void overrides_win_the_service_specific_one_first() {
        AwsClients clients = clients(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
                "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9324"));

        assertThat(url(clients.knownEndpoint("sqs", "SQS"))).isEqualTo(URI.create("http://127.0.0.1:9324"));
        assertThat(url(clients.knownEndpoint("dynamodb", "DYNAMODB"))).isEqualTo(URI.create("http://127.0.0.1:4566"));
    }

    /** Where the SDK's rules pick something else than the plain regional host, the client keeps them. */
    @ParameterizedTest
    @ValueSource(strings = {"AWS_USE_FIPS_ENDPOINT", "AWS_USE_DUALSTACK_ENDPOINT"})
    void fips_or_dual_stack_leave_the_endpoint_to_the_sdk(String setting) {
        assertThat(clients(Map.of("AWS_REGION", "us-east-1", setting, "true")).knownEndpoint("dynamodb", "DYNAMODB"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-iso-east-1", "us-isob-east-1", "eusc-de-east-1", "aws-global"})
    void other_partitions_leave_the_endpoint_to_the_sdk(String region) {
        assertThat(clients(Map.of("AWS_REGION", region)).knownEndpoint("dynamodb", "DYNAMODB")).isEmpty();
    }

    private static AwsClients clients(Map<String, String> settings) {
        Map<String, String> values = new HashMap<>(settings);
        values.putIfAbsent("AWS_ACCESS_KEY_ID", "test");
        values.putIfAbsent("AWS_SECRET_ACCESS_KEY", "test");
        return new AwsClients(Settings.of(values));
    }

    private static URI url(Optional<Endpoint> endpoint) {
        return endpoint.orElseThrow().url();
    }
}

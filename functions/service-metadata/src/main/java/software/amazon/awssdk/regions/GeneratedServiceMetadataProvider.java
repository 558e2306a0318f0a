package software.amazon.awssdk.regions;

import software.amazon.awssdk.regions.servicemetadata.DynamodbServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.SnsServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.SqsServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.StreamsDynamodbServiceMetadata;

/**
 * Function jars' replacement of the SDK's generated class of the same name (functions/pom.xml leaves the SDK's out
 * of function.jar): the metadata of the services the functions call, and none for the rest, for which
 * {@link ServiceMetadata#of} falls back to {@link DefaultServiceMetadata} as it does for any unknown service.
 * The SDK's version builds a map of every AWS service's metadata on first use: ~313 classes loaded during the
 * first client build on AWS, where no endpoint override short-cuts the lookup.
 */
public final class GeneratedServiceMetadataProvider implements ServiceMetadataProvider {

    @Override
    public ServiceMetadata serviceMetadata(String endpointPrefix) {
        return switch (endpointPrefix) {
            case "dynamodb" -> new DynamodbServiceMetadata();
            case "streams.dynamodb" -> new StreamsDynamodbServiceMetadata();
            case "sqs" -> new SqsServiceMetadata();
            case "sns" -> new SnsServiceMetadata();
            default -> null;
        };
    }
}

package com.ordertracking.local.cloud.template;

import java.util.List;
import java.util.Optional;

/**
 * A trigger of a function, read from its SAM {@code Events} or from an {@code AWS::Lambda::EventSourceMapping}.
 * AWS defaults are applied so every component is concrete. Switch over the permitted records:
 *
 * <pre>{@code
 * switch (event) {
 *     case HttpApiEvent http -> ...;
 *     case SqsEvent sqs -> ...;
 *     case DynamoDbStreamEvent stream -> ...;
 *     case ScheduleEvent schedule -> ...;
 * }
 * }</pre>
 *
 * Other SAM event types (Api, S3, SNS, EventBridgeRule...) are not modelled and are skipped.
 */
public sealed interface FunctionEvent {

    /** Key under {@code Events}, or the EventSourceMapping's logical id. */
    String name();

    /**
     * An {@code HttpApi} route.
     *
     * @param method              upper-case HTTP method or {@code ANY}
     * @param path                e.g. {@code /orders/{orderId}}, or {@code $default} when the event has no Path
     * @param apiLogicalId        logical id of the {@code AWS::Serverless::HttpApi} (implicit: {@code ServerlessHttpApi})
     * @param authorizer          effective JWT authorizer name: the route's {@code Auth.Authorizer}, else the API's
     *                            DefaultAuthorizer; empty when the route is open ({@code NONE} or no authorizer)
     * @param authorizationScopes route scopes, else the authorizer's configured scopes
     * @param payloadFormatVersion {@code 2.0} (default) or {@code 1.0}
     */
    record HttpApiEvent(String name, String method, String path, String apiLogicalId, String apiId,
                        Optional<String> authorizer, List<String> authorizationScopes,
                        String payloadFormatVersion) implements FunctionEvent {}

    /**
     * An SQS event source mapping.
     *
     * @param batchSize                      default 10
     * @param reportBatchItemFailures        FunctionResponseTypes contains {@code ReportBatchItemFailures}
     * @param maximumConcurrency             ScalingConfig.MaximumConcurrency if set
     * @param filterPatterns                 FilterCriteria.Filters[].Pattern as JSON strings
     */
    record SqsEvent(String name, QueueRef queue, int batchSize, int maximumBatchingWindowInSeconds,
                    boolean reportBatchItemFailures, boolean enabled, Optional<Integer> maximumConcurrency,
                    List<String> filterPatterns) implements FunctionEvent {}

    /**
     * A DynamoDB stream event source mapping.
     *
     * @param startingPosition           {@code TRIM_HORIZON} or {@code LATEST} (default)
     * @param batchSize                  default 100
     * @param maximumRetryAttempts       -1 (default) means retry until the record expires
     * @param maximumRecordAgeInSeconds  -1 (default) means no limit
     * @param onFailureDestination       DestinationConfig.OnFailure.Destination ARN (usually an SQS queue)
     */
    record DynamoDbStreamEvent(String name, TableRef table, String startingPosition, int batchSize,
                               int maximumBatchingWindowInSeconds, boolean bisectBatchOnFunctionError,
                               int maximumRetryAttempts, int maximumRecordAgeInSeconds,
                               boolean reportBatchItemFailures, Optional<String> onFailureDestination,
                               int parallelizationFactor, boolean enabled,
                               List<String> filterPatterns) implements FunctionEvent {}

    /**
     * A {@code Schedule} (EventBridge rule) or {@code ScheduleV2} (EventBridge Scheduler) trigger.
     *
     * @param expression {@code rate(5 minutes)}, {@code cron(0 12 * * ? *)} or {@code at(...)}
     * @param enabled    Schedule: Enabled/State; ScheduleV2: State != DISABLED
     * @param input      the fixed event payload (JSON text) when Input is set; otherwise the runtime sends
     *                   the usual scheduled-event envelope
     * @param timezone   ScheduleExpressionTimezone (ScheduleV2 only)
     */
    record ScheduleEvent(String name, Kind kind, String expression, boolean enabled, Optional<String> input,
                         Optional<String> timezone) implements FunctionEvent {
        public enum Kind { SCHEDULE, SCHEDULE_V2 }
    }

    /**
     * A queue an event reads from.
     *
     * @param logicalId empty when the ARN is not a queue of this template (name/url derived from the ARN)
     */
    record QueueRef(Optional<String> logicalId, String queueName, String url, String arn) {}

    /**
     * A table whose stream an event reads.
     *
     * @param logicalId empty when the ARN is not a table of this template
     */
    record TableRef(Optional<String> logicalId, String tableName, String streamArn) {}
}

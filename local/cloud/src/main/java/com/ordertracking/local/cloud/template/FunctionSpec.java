package com.ordertracking.local.cloud.template;

import java.util.List;
import java.util.Map;

/**
 * A function to serve ({@code AWS::Serverless::Function} with Globals applied, or {@code AWS::Lambda::Function}).
 *
 * @param functionName resolved FunctionName, else {@code ${StackName}-${LogicalId}}
 * @param codeUri      CodeUri (or Code.S3Key/ImageUri text for plain Lambda); may be empty
 * @param memorySize   MB, default 128
 * @param timeout      seconds, default 3; SQS pollers use it as visibility timeout for in-flight batches
 * @param architectures default {@code [x86_64]}
 * @param environment  resolved Environment.Variables (Globals merged, function wins)
 * @param events       triggers from Events plus any {@code AWS::Lambda::EventSourceMapping} targeting it
 */
public record FunctionSpec(
        String logicalId,
        String functionName,
        String arn,
        String handler,
        String runtime,
        String codeUri,
        int memorySize,
        int timeout,
        List<String> architectures,
        Map<String, String> environment,
        List<FunctionEvent> events) {

    /** Events of one kind, e.g. {@code eventsOfType(FunctionEvent.SqsEvent.class)}. */
    public <T extends FunctionEvent> List<T> eventsOfType(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}

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
 * @param logFormat    LoggingConfig.LogFormat ({@code Text} or {@code JSON}, Globals merged; default Text)
 * @param applicationLogLevel LoggingConfig.ApplicationLogLevel (JSON format only; default INFO)
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
        List<FunctionEvent> events,
        String logFormat,
        String applicationLogLevel) {

    /** What Lambda puts in the function's environment for its LoggingConfig ({@code AWS_LAMBDA_LOG_*}). */
    public java.util.Map<String, String> loggingEnvironment() {
        return "JSON".equalsIgnoreCase(logFormat)
                ? java.util.Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON", "AWS_LAMBDA_LOG_LEVEL", applicationLogLevel)
                : java.util.Map.of("AWS_LAMBDA_LOG_FORMAT", "TEXT");
    }

    /** Events of one kind, e.g. {@code eventsOfType(FunctionEvent.SqsEvent.class)}. */
    public <T extends FunctionEvent> List<T> eventsOfType(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}

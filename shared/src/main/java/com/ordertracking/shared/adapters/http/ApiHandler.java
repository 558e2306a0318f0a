package com.ordertracking.shared.adapters.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ordertracking.shared.adapters.lambda.EventStreamHandler;
import com.ordertracking.shared.adapters.logging.FunctionLog;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Base of every HTTP API handler: turns client mistakes into problem+json 4xx responses and
 * anything unexpected into a 500 problem without internals (the cause is logged with an id the
 * caller can quote). On AWS the event arrives through {@link EventStreamHandler}'s stream method.
 */
public abstract class ApiHandler extends EventStreamHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    protected ApiHandler() {
        super(APIGatewayV2HTTPEvent.class);
    }

    protected abstract APIGatewayV2HTTPResponse handle(ApiRequest request);

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ApiRequest request = new ApiRequest(event);
        try {
            return handle(request);
        } catch (RuntimeException e) {
            Optional<Problem> problem = Problems.of(e);
            if (problem.isPresent()) {
                if (problem.get().status() >= 500 && e.getCause() != null) {
                    // A refusal on our side (e.g. 503 queue-unavailable): the client retries, on call sees why.
                    FunctionLog.of(context).forOrder(orderIdOf(event)).warn("request refused", "status",
                            problem.get().status(), "route", event == null ? null : event.getRouteKey(),
                            "error", e.getCause().toString(), "at", FunctionLog.origin(e.getCause()));
                }
                return ApiResponses.problem(problem.get().atInstance(request.path()));
            }
            String errorId = UUID.randomUUID().toString();
            // One line through the runtime's logger (JSON on AWS), never a stack trace on stdout.
            FunctionLog.of(context).forOrder(orderIdOf(event)).error("unhandled error", "errorId", errorId,
                    "route", event == null ? null : event.getRouteKey(), "error", e.toString(), "at", FunctionLog.origin(e));
            return ApiResponses.problem(Problem.of(500, "internal", "Internal error",
                    "Something went wrong on our side; quote error id " + errorId).atInstance(request.path()));
        }
    }

    /** The order a request is about, for the log line (route path parameter), if any. */
    private static String orderIdOf(APIGatewayV2HTTPEvent event) {
        Map<String, String> parameters = event == null ? null : event.getPathParameters();
        return parameters == null ? null : parameters.get("orderId");
    }
}

package com.ordertracking.local.cloud.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code AWS::Serverless::HttpApi} (Globals.HttpApi merged), including SAM's implicit
 * {@code ServerlessHttpApi}. Routes live on the functions as {@link FunctionEvent.HttpApiEvent}.
 *
 * @param jwtAuthorizers    Auth.Authorizers that have a JwtConfiguration, by name (Lambda authorizers are skipped)
 * @param defaultAuthorizer Auth.DefaultAuthorizer
 * @param cors              CorsConfiguration; {@code true} in the template means allow any origin/method/header
 */
public record HttpApiSpec(String logicalId, String apiId, String stageName,
                          Map<String, JwtAuthorizer> jwtAuthorizers, Optional<String> defaultAuthorizer,
                          Optional<Cors> cors) {

    /**
     * @param identitySource e.g. {@code $request.header.Authorization}
     * @param issuer         JwtConfiguration.issuer
     * @param audience       JwtConfiguration.audience
     */
    public record JwtAuthorizer(String name, String identitySource, String issuer, List<String> audience,
                                List<String> authorizationScopes) {}

    public record Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                       List<String> exposeHeaders, boolean allowCredentials, Optional<Integer> maxAge) {}
}

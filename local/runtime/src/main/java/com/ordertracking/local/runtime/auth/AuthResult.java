package com.ordertracking.local.runtime.auth;

import java.util.List;
import java.util.Map;

/** Outcome of checking an Authorization header the way API Gateway's JWT authorizer does. */
public sealed interface AuthResult {

    /** Claims stringified like API Gateway puts them in {@code requestContext.authorizer.jwt.claims}. */
    record Authorized(Map<String, String> claims, List<String> scopes) implements AuthResult {
    }

    /** {@code wwwAuthenticate} is the value API Gateway sends with its 401. */
    record Denied(String reason, String wwwAuthenticate) implements AuthResult {
    }
}

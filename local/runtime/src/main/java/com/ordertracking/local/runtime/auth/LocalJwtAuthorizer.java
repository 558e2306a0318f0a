package com.ordertracking.local.runtime.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stand-in for the Cognito user pool + API Gateway JWT authorizer: an RSA key generated at start signs tokens
 * ({@link #mint}) and {@link #verify} applies API Gateway's checks (signature, iss, aud or client_id, exp, nbf).
 */
public final class LocalJwtAuthorizer {

    /** @param issuer expected {@code iss}; @param audience expected {@code aud} (or {@code client_id}) */
    public record Config(String issuer, String audience) {
        public static Config defaults() {
            return new Config("https://local.ordertracking/issuer", "ordertracking-local");
        }
    }

    private final Config config;
    private final Clock clock;
    private final RSAKey key;
    private final RSASSAVerifier verifier;

    public LocalJwtAuthorizer(Config config) {
        this(config, Clock.systemUTC());
    }

    public LocalJwtAuthorizer(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        try {
            this.key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString())
                    .generate();
            this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate JWT signing key", e);
        }
    }

    public Config config() {
        return config;
    }

    public String mint(String role, String sub, Duration ttl) {
        return mint(sub, ttl, role == null ? Map.of() : Map.of("role", role));
    }

    /** Signed token with iss/aud/sub/iat/exp/jti plus {@code extraClaims} (e.g. {@code scope}). */
    public String mint(String sub, Duration ttl, Map<String, ?> extraClaims) {
        Instant now = clock.instant();
        var claims = new JWTClaimsSet.Builder().issuer(config.issuer()).audience(config.audience()).subject(sub)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString());
        extraClaims.forEach(claims::claim);
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** Checks the raw Authorization header value (with or without {@code Bearer }), null meaning absent. */
    public AuthResult verify(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return new AuthResult.Denied("missing token", "Bearer");
        }
        String token = authorizationHeader.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!jwt.verify(verifier)) {
                return invalid("signature verification failed");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (!config.issuer().equals(claims.getIssuer())) {
                return invalid("the token has an invalid issuer");
            }
            Object clientId = claims.getClaim("client_id");
            if (!claims.getAudience().contains(config.audience()) && !config.audience().equals(clientId)) {
                return invalid("the token does not have a valid audience");
            }
            if (claims.getExpirationTime() == null || !now.isBefore(claims.getExpirationTime().toInstant())) {
                return invalid("the token has expired");
            }
            if (claims.getNotBeforeTime() != null && now.isBefore(claims.getNotBeforeTime().toInstant())) {
                return invalid("the token is not valid yet");
            }
            return new AuthResult.Authorized(stringify(claims.getClaims()), scopes(claims));
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return invalid("the token is malformed");
        }
    }

    private static AuthResult invalid(String description) {
        return new AuthResult.Denied(description,
                "Bearer error=\"invalid_token\" error_description=\"" + description + "\"");
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        if (scope == null) {
            scope = claims.getClaim("scp");
        }
        return switch (scope) {
            case null -> null;
            case String s -> Arrays.stream(s.trim().split("\\s+")).filter(x -> !x.isEmpty()).toList();
            case Collection<?> c -> c.stream().map(String::valueOf).toList();
            default -> List.of(String.valueOf(scope));
        };
    }

    /** API Gateway passes every claim as a string: dates as epoch seconds, arrays as {@code [a b]}. */
    static Map<String, String> stringify(Map<String, Object> claims) {
        Map<String, String> out = new LinkedHashMap<>();
        claims.forEach((name, value) -> out.put(name, switch (value) {
            case null -> "";
            case Date d -> Long.toString(d.toInstant().getEpochSecond());
            case Collection<?> c when c.size() == 1 && name.equals("aud") -> String.valueOf(c.iterator().next());
            case Collection<?> c -> "[" + String.join(" ", c.stream().map(String::valueOf).toList()) + "]";
            case Map<?, ?> m -> com.nimbusds.jose.util.JSONObjectUtils.toJSONString(castMap(m));
            default -> String.valueOf(value);
        }));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castMap(Map<?, ?> m) {
        return (Map<String, ?>) m;
    }

    /** For {@code authorizationScopes} on a route: API Gateway requires at least one of them in the token. */
    public static boolean hasAnyScope(AuthResult.Authorized auth, List<String> required) {
        if (required == null || required.isEmpty()) {
            return true;
        }
        return auth.scopes() != null && auth.scopes().stream().anyMatch(required::contains);
    }
}

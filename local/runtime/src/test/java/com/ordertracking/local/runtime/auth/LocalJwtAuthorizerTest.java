package com.ordertracking.local.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalJwtAuthorizerTest {

    private final LocalJwtAuthorizer authorizer = new LocalJwtAuthorizer(LocalJwtAuthorizer.Config.defaults());

    @Test
    void minted_token_verifies_with_string_claims() {
        String token = authorizer.mint("seller", "user-1", Duration.ofMinutes(5));
        var result = authorizer.verify("Bearer " + token);
        assertThat(result).isInstanceOfSatisfying(AuthResult.Authorized.class, a -> {
            assertThat(a.claims()).containsEntry("sub", "user-1").containsEntry("role", "seller")
                    .containsEntry("iss", "https://local.ordertracking/issuer")
                    .containsEntry("aud", "ordertracking-local");
            assertThat(a.claims().get("exp")).matches("\\d+");
            assertThat(a.scopes()).isNull();
        });
    }

    @Test
    void scopes_and_array_claims_are_flattened() {
        String token = authorizer.mint("u", Duration.ofMinutes(1),
                Map.of("scope", "orders/read orders/write", "groups", List.of("a", "b")));
        var a = (AuthResult.Authorized) authorizer.verify(token);
        assertThat(a.scopes()).containsExactly("orders/read", "orders/write");
        assertThat(a.claims()).containsEntry("groups", "[a b]");
        assertThat(LocalJwtAuthorizer.hasAnyScope(a, List.of("orders/write"))).isTrue();
        assertThat(LocalJwtAuthorizer.hasAnyScope(a, List.of("admin"))).isFalse();
    }

    @Test
    void rejects_missing_expired_foreign_and_garbage_tokens() {
        var other = new LocalJwtAuthorizer(LocalJwtAuthorizer.Config.defaults());
        assertThat(authorizer.verify(null)).isInstanceOfSatisfying(AuthResult.Denied.class,
                d -> assertThat(d.wwwAuthenticate()).isEqualTo("Bearer"));
        assertThat(authorizer.verify("Bearer " + authorizer.mint("r", "s", Duration.ofSeconds(-1))))
                .isInstanceOfSatisfying(AuthResult.Denied.class,
                        d -> assertThat(d.wwwAuthenticate()).contains("invalid_token").contains("expired"));
        assertThat(authorizer.verify("Bearer " + other.mint("r", "s", Duration.ofMinutes(1))))
                .isInstanceOf(AuthResult.Denied.class);
        assertThat(authorizer.verify(authorizer.mint("s", Duration.ofMinutes(1), Map.of("aud", "someone-else"))))
                .isInstanceOfSatisfying(AuthResult.Denied.class, d -> assertThat(d.reason()).contains("audience"));
        assertThat(authorizer.verify(authorizer.mint("s", Duration.ofMinutes(1), Map.of("iss", "https://evil"))))
                .isInstanceOfSatisfying(AuthResult.Denied.class, d -> assertThat(d.reason()).contains("issuer"));
        assertThat(authorizer.verify("Bearer not.a.jwt")).isInstanceOf(AuthResult.Denied.class);
    }
}

package com.ordertracking.local.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteMatcherTest {

    private final RouteMatcher<String> matcher = new RouteMatcher<String>()
            .add("GET", "/orders", "list")
            .add("POST", "/orders", "create")
            .add("GET", "/orders/{orderId}", "get")
            .add("GET", "/orders/summary", "summary")
            .add("ANY", "/orders/{orderId}/items/{itemId}", "item-any")
            .add("DELETE", "/orders/{orderId}/items/{itemId}", "item-delete")
            .add("ANY", "/files/{proxy+}", "files")
            .add("GET", "/files/public/{proxy+}", "public-files");

    private String target(String method, String path) {
        return matcher.match(method, path).map(RouteMatcher.Match::target).orElse(null);
    }

    @Test
    void literal_beats_parameter_and_method_must_match() {
        assertThat(target("GET", "/orders")).isEqualTo("list");
        assertThat(target("POST", "/orders")).isEqualTo("create");
        assertThat(target("PUT", "/orders")).isNull();
        assertThat(target("GET", "/orders/summary")).isEqualTo("summary");
        assertThat(target("GET", "/orders/o-1")).isEqualTo("get");
        assertThat(matcher.match("GET", "/orders/o%201").orElseThrow().pathParameters())
                .isEqualTo(Map.of("orderId", "o 1"));
    }

    @Test
    void specific_method_beats_any() {
        assertThat(target("DELETE", "/orders/o-1/items/i-1")).isEqualTo("item-delete");
        assertThat(target("PATCH", "/orders/o-1/items/i-1")).isEqualTo("item-any");
        assertThat(matcher.match("PATCH", "/orders/o-1/items/i-1").orElseThrow().pathParameters())
                .containsEntry("orderId", "o-1").containsEntry("itemId", "i-1");
    }

    @Test
    void greedy_proxy_takes_the_rest_and_longer_literal_prefix_wins() {
        var files = matcher.match("PUT", "/files/a/b/c.txt").orElseThrow();
        assertThat(files.target()).isEqualTo("files");
        assertThat(files.pathParameters()).isEqualTo(Map.of("proxy", "a/b/c.txt"));
        assertThat(target("GET", "/files/public/x/y")).isEqualTo("public-files");
        assertThat(target("GET", "/files")).isNull(); // {proxy+} needs at least one segment
    }

    @Test
    void unknown_paths_fall_back_to_default_only_when_configured() {
        assertThat(target("GET", "/nope")).isNull();
        assertThat(target("GET", "/orders/o-1/extra")).isNull();
        matcher.add("ANY", Route.DEFAULT, "default");
        assertThat(target("GET", "/nope")).isEqualTo("default");
        assertThat(target("GET", "/orders")).isEqualTo("list");
    }

    @Test
    void greedy_must_be_last() {
        assertThatThrownBy(() -> new RouteMatcher<String>().add("GET", "/{proxy+}/x", "bad"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

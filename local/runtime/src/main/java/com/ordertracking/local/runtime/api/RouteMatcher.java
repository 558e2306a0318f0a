package com.ordertracking.local.runtime.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway HTTP API route selection: the most specific matching route wins. Compared segment by segment a literal
 * beats a {@code {param}}, which beats a greedy {@code {proxy+}}; then a concrete method beats {@code ANY};
 * {@code $default} only catches what nothing else matches. Generic in the target so it also serves /_local handlers.
 */
public final class RouteMatcher<T> {

    public record Match<T>(T target, String template, Map<String, String> pathParameters) {
    }

    private sealed interface Segment {
        record Literal(String value) implements Segment { }
        record Param(String name) implements Segment { }
        record Greedy(String name) implements Segment { }
    }

    private record Entry<T>(String method, String template, List<Segment> segments, T target) {
        int rank(int i) {
            return switch (segments.get(i)) {
                case Segment.Literal l -> 0;
                case Segment.Param p -> 1;
                case Segment.Greedy g -> 2;
            };
        }
    }

    private final List<Entry<T>> entries = new ArrayList<>();
    private T defaultTarget;

    public synchronized RouteMatcher<T> add(String method, String template, T target) {
        if (template.equals(Route.DEFAULT)) {
            defaultTarget = target;
            return this;
        }
        List<Segment> segments = split(template).stream().map(RouteMatcher::segment).toList();
        for (int i = 0; i < segments.size() - 1; i++) {
            if (segments.get(i) instanceof Segment.Greedy) {
                throw new IllegalArgumentException("greedy parameter must be last: " + template);
            }
        }
        entries.add(new Entry<>(method.toUpperCase(), template, segments, target));
        return this;
    }

    public synchronized Optional<Match<T>> match(String method, String rawPath) {
        List<String> parts = split(rawPath);
        Comparator<Entry<T>> specificity = RouteMatcher::compareSpecificity;
        Optional<Match<T>> best = entries.stream()
                .filter(e -> e.method().equals("ANY") || e.method().equalsIgnoreCase(method))
                .filter(e -> bind(e, parts) != null)
                .min(specificity)
                .map(e -> new Match<>(e.target(), e.template(), bind(e, parts)));
        if (best.isEmpty() && defaultTarget != null) {
            return Optional.of(new Match<>(defaultTarget, Route.DEFAULT, Map.of()));
        }
        return best;
    }

    private static <T> int compareSpecificity(Entry<T> a, Entry<T> b) {
        int n = Math.min(a.segments().size(), b.segments().size());
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(a.rank(i), b.rank(i));
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(b.segments().size(), a.segments().size()); // longer match is more specific
        if (c != 0) {
            return c;
        }
        return Boolean.compare(a.method().equals("ANY"), b.method().equals("ANY"));
    }

    /** Path parameters if the entry matches, else null. Values are URL-decoded like API Gateway does. */
    private static <T> Map<String, String> bind(Entry<T> entry, List<String> parts) {
        Map<String, String> params = new LinkedHashMap<>();
        List<Segment> segments = entry.segments();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment instanceof Segment.Greedy g) {
                if (i >= parts.size()) {
                    return null; // {proxy+} needs at least one segment
                }
                params.put(g.name(), decode(String.join("/", parts.subList(i, parts.size()))));
                return params;
            }
            if (i >= parts.size()) {
                return null;
            }
            String part = parts.get(i);
            switch (segment) {
                case Segment.Literal l -> {
                    if (!l.value().equals(part)) {
                        return null;
                    }
                }
                case Segment.Param p -> {
                    if (part.isEmpty()) {
                        return null;
                    }
                    params.put(p.name(), decode(part));
                }
                case Segment.Greedy g -> throw new AssertionError();
            }
        }
        return segments.size() == parts.size() ? params : null;
    }

    private static Segment segment(String s) {
        if (s.startsWith("{") && s.endsWith("+}")) {
            return new Segment.Greedy(s.substring(1, s.length() - 2));
        }
        if (s.startsWith("{") && s.endsWith("}")) {
            return new Segment.Param(s.substring(1, s.length() - 1));
        }
        return new Segment.Literal(s);
    }

    private static List<String> split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? List.of() : Arrays.asList(p.split("/", -1));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}

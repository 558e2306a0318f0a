package com.ordertracking.local.runtime.api;

import com.ordertracking.local.runtime.auth.AuthResult;
import com.ordertracking.local.runtime.auth.LocalJwtAuthorizer;
import com.ordertracking.local.runtime.invoke.FunctionInvocationException;
import com.ordertracking.local.runtime.invoke.HandlerInvoker;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local stand-in for an API Gateway HTTP API: a JDK HTTP server that matches routes, runs the JWT authorizer,
 * builds payload 2.0 events and invokes the route's function in-process. Each request runs on its own virtual
 * thread, so slow handlers don't block other requests. Paths under {@code /_local/} are reserved for developer
 * endpoints registered with {@link #registerLocal}.
 */
public final class HttpApiGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApiGateway.class);
    public static final String LOCAL_PREFIX = "/_local/";

    /**
     * @param host         bind address (127.0.0.1 by default: never expose the dev stack)
     * @param port         0 for an ephemeral port
     * @param maxBodyBytes larger request bodies get 413 (API Gateway's limit is 10 MB)
     */
    public record Config(String host, int port, long maxBodyBytes) {
        public static final long API_GATEWAY_MAX_BODY = 10L * 1024 * 1024;

        public Config {
            host = host == null ? "127.0.0.1" : host;
            maxBodyBytes = maxBodyBytes <= 0 ? API_GATEWAY_MAX_BODY : maxBodyBytes;
        }

        public static Config ephemeral() {
            return new Config("127.0.0.1", 0, API_GATEWAY_MAX_BODY);
        }
    }

    private final Config config;
    private final Function<String, HandlerInvoker> functions;
    private final LocalJwtAuthorizer authorizer;
    private final RouteMatcher<Route> routes = new RouteMatcher<>();
    private final RouteMatcher<LocalHandler> localRoutes = new RouteMatcher<>();
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param functions  function name → invoker (e.g. {@code Map::get}); looked up per request
     * @param authorizer verifies tokens for authenticated routes; may be null when no route is authenticated
     */
    public HttpApiGateway(Config config, List<Route> routeList, Function<String, HandlerInvoker> functions,
                          LocalJwtAuthorizer authorizer) {
        this.config = Objects.requireNonNull(config);
        this.functions = Objects.requireNonNull(functions);
        this.authorizer = authorizer;
        for (Route route : routeList) {
            validate(route);
            routes.add(route.method(), route.pathTemplate(), route);
        }
    }

    private void validate(Route route) {
        if (route.pathTemplate().startsWith(LOCAL_PREFIX)) {
            throw new IllegalArgumentException("paths under " + LOCAL_PREFIX + " are reserved: " + route);
        }
        if (route.authenticated() && authorizer == null) {
            throw new IllegalArgumentException("route needs an authorizer: " + route.routeKey());
        }
    }

    /** Adds a developer endpoint; {@code pathTemplate} must start with {@code /_local/} and may use {param}. */
    public HttpApiGateway registerLocal(String method, String pathTemplate, LocalHandler handler) {
        if (!pathTemplate.startsWith(LOCAL_PREFIX)) {
            throw new IllegalArgumentException("local endpoints live under " + LOCAL_PREFIX + ": " + pathTemplate);
        }
        localRoutes.add(method, pathTemplate, handler);
        return this;
    }

    public synchronized HttpApiGateway start() throws IOException {
        return server != null ? this : start(HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0));
    }

    /**
     * Serves on a server bound beforehand, e.g. by a caller that needed the real port (for the base URL
     * in links) before setting up the functions behind the routes.
     */
    public synchronized HttpApiGateway start(HttpServer bound) {
        if (server != null) {
            bound.stop(0);
            return this;
        }
        server = bound;
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.debug("HTTP API listening on {}", baseUri());
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        return URI.create("http://" + config.host() + ":" + port());
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            LocalResponse response;
            try {
                response = route(exchange, requestId);
            } catch (Exception e) {
                LOG.error("request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                response = LocalResponse.message(500, "Internal Server Error");
            }
            write(exchange, response);
        }
    }

    private LocalResponse route(HttpExchange exchange, String requestId) throws Exception {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();

        String declaredLength = exchange.getRequestHeaders().getFirst("content-length");
        if (declaredLength != null && Long.parseLong(declaredLength.trim()) > config.maxBodyBytes()) {
            return LocalResponse.message(413, "Request Entity Too Large");
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            return LocalResponse.message(413, "Request Entity Too Large");
        }
        var request = new RawRequest(method, rawPath, exchange.getRequestURI().getRawQuery(),
                new LinkedHashMap<>(exchange.getRequestHeaders()), body,
                exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol());

        if (rawPath.startsWith(LOCAL_PREFIX)) {
            var local = localRoutes.match(method, rawPath);
            return local.isPresent() ? local.get().target().handle(request, local.get().pathParameters())
                    : LocalResponse.message(404, "Not Found");
        }
        var match = routes.match(method, rawPath);
        if (match.isEmpty()) {
            return LocalResponse.message(404, "Not Found");
        }
        Route route = match.get().target();
        AuthResult.Authorized auth = null;
        if (route.authenticated()) {
            switch (authorizer.verify(request.header("authorization"))) {
                case AuthResult.Denied denied -> {
                    var unauthorized = LocalResponse.message(401, "Unauthorized");
                    var headers = new LinkedHashMap<>(unauthorized.headers());
                    headers.put("www-authenticate", List.of(denied.wwwAuthenticate()));
                    return new LocalResponse(401, headers, unauthorized.body());
                }
                case AuthResult.Authorized ok -> {
                    if (!LocalJwtAuthorizer.hasAnyScope(ok, route.authorizationScopes())) {
                        return LocalResponse.message(403, "Forbidden");
                    }
                    auth = ok;
                }
            }
        }
        HandlerInvoker function = functions.apply(route.functionName());
        if (function == null) {
            LOG.error("route {} points to unknown function {}", route.routeKey(), route.functionName());
            return LocalResponse.message(500, "Internal Server Error");
        }
        var event = HttpEventMapper.toEvent(request, route.routeKey(), match.get().pathParameters(), auth,
                requestId, Instant.now());
        try {
            Object output = function.invoke(event, method + " " + rawPath);
            return HttpEventMapper.toResponse(output, requestId);
        } catch (FunctionInvocationException e) {
            // Already logged by the invoker; the client sees what API Gateway shows for a failed integration.
            return LocalResponse.message(500, "Internal Server Error");
        }
    }

    /** Reads at most maxBodyBytes; null when the (chunked) body turns out to be larger. */
    private byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxBodyBytes() + 1));
        return bytes.length > config.maxBodyBytes() ? null : bytes;
    }

    private static void write(HttpExchange exchange, LocalResponse response) throws IOException {
        response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, List.copyOf(values)));
        boolean noBody = response.body().length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD")
                || response.status() == 204 || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            exchange.getResponseBody().write(response.body());
        }
    }
}

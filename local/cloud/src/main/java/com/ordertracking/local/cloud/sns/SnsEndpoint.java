package com.ordertracking.local.cloud.sns;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An in-process Amazon SNS endpoint speaking the SNS query protocol (form-encoded POST, XML answers), as used by the
 * AWS SDK v2 {@code SnsClient} and the AWS CLI. State lives in memory and survives {@link #stop()} and
 * {@link #start()}, which reuse the port first bound, so a test can take SNS away and bring it back.
 *
 * <pre>{@code
 * try (SnsEndpoint sns = new SnsEndpoint("us-east-1", "000000000000", sqsClient, outbox).start()) {
 *     SnsClient client = SnsClient.builder().endpointOverride(sns.endpoint())...build();
 * }
 * }</pre>
 */
public final class SnsEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SnsEndpoint.class);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Seconds that stop() lets requests in flight finish, so a publish is either answered or not applied. */
    private static final int STOP_GRACE_SECONDS = 2;

    private final String region;
    private final String accountId;
    private final Outbox outbox;
    private final SnsBroker broker;
    // Volatile, and read without the lock: handlers still running while stop() holds it need endpoint().
    private volatile int port;
    private volatile HttpServer server;
    private ExecutorService executor;

    /** An endpoint that binds an ephemeral port on its first {@link #start()}. */
    public SnsEndpoint(String region, String accountId, SqsClient sqs, Outbox outbox) {
        this(region, accountId, sqs, outbox, 0);
    }

    /**
     * @param region    region written into topic ARNs, e.g. {@code us-east-1}
     * @param accountId account written into ARNs, e.g. {@code 000000000000}
     * @param sqs       client that reaches the queues of {@code sqs} subscriptions
     * @param outbox    where {@code sms}, {@code email} and {@code email-json} deliveries go
     * @param port      port on 127.0.0.1, or 0 for an ephemeral one (kept across restarts)
     */
    public SnsEndpoint(String region, String accountId, SqsClient sqs, Outbox outbox, int port) {
        this.region = Objects.requireNonNull(region, "region");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        this.port = port;
        this.broker = new SnsBroker(region, accountId,
                new SnsDelivery(Objects.requireNonNull(sqs, "sqs"), outbox, this::endpoint));
    }

    /**
     * Binds and serves; does nothing when already running.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public synchronized SnsEndpoint start() {
        if (server != null) {
            return this;
        }
        HttpServer created;
        try {
            created = HttpServer.create(new InetSocketAddress(LOOPBACK, port), 0);
        } catch (BindException e) {
            throw new IllegalStateException("SNS endpoint cannot bind 127.0.0.1:" + port, e);
        } catch (IOException e) {
            throw new IllegalStateException("SNS endpoint failed to start", e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        created.setExecutor(executor);
        created.createContext("/", this::handle);
        created.start();
        server = created;
        port = created.getAddress().getPort();
        LOG.info("SNS endpoint listening on {}", endpoint());
        return this;
    }

    /** Closes the port (clients get connection refused) but keeps topics and subscriptions. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(STOP_GRACE_SECONDS);
        executor.close();
        server = null;
        executor = null;
        LOG.info("SNS endpoint on port {} stopped", port);
    }

    /** {@link #stop()} then {@link #start()} on the same port. */
    public synchronized SnsEndpoint restart() {
        stop();
        return start();
    }

    public boolean isRunning() {
        return server != null;
    }

    /** The bound port; after a stop, the port a restart will bind again. */
    public int port() {
        int bound = port;
        if (bound == 0) {
            throw new IllegalStateException("SNS endpoint has not been started");
        }
        return bound;
    }

    /** {@code http://127.0.0.1:PORT}, for {@code endpointOverride} and {@code --endpoint-url}. */
    public URI endpoint() {
        return URI.create("http://" + LOOPBACK.getHostAddress() + ":" + port());
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** The ARN a topic of that name has (or would have) here. */
    public String topicArn(String name) {
        return broker.topicArn(name);
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            // The SDK and the CLI POST a form; the UnsubscribeURL of an envelope is a GET with a query string.
            QueryRequest request = QueryRequest.parse(exchange.getRequestURI().getRawQuery(), body);
            int status = 200;
            String xml;
            try {
                xml = Xml.response(request.action(), broker.handle(request.action(), request), requestId);
            } catch (SnsException e) {
                status = e.status();
                xml = Xml.error(e, requestId);
            } catch (RuntimeException e) {
                LOG.error("SNS {} failed", request.action(), e);
                status = 500;
                xml = Xml.error(new SnsException(500, "Receiver", "InternalError", e.toString()), requestId);
            }
            byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            LOG.debug("SNS client went away before the answer to {}", requestId, e);
        }
    }
}

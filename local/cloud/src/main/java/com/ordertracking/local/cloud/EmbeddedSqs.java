package com.ordertracking.local.cloud;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import scala.concurrent.Await;
import scala.concurrent.duration.FiniteDuration;

/** ElasticMQ (SQS-compatible) in this JVM on a loopback port. */
final class EmbeddedSqs implements AutoCloseable {
    private static final FiniteDuration STOP_WAIT = FiniteDuration.apply(2, TimeUnit.SECONDS);
    private final SQSRestServer server;
    private final int port;

    private EmbeddedSqs(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedSqs start(int port, String region, String accountId) {
        try {
            SQSRestServer server = SQSRestServerBuilder
                    .withInterface("127.0.0.1")
                    .withPort(port)
                    .withAWSRegion(region)
                    .withAWSAccountId(accountId)
                    .start();
            int bound = server.waitUntilStarted().localAddress().getPort();
            return new EmbeddedSqs(server, bound);
        } catch (RuntimeException e) {
            throw new LocalCloudException("ElasticMQ could not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Stops accepting at once, then waits at most {@link #STOP_WAIT} for ElasticMQ to finish: its graceful stop
     * waits for requests in flight, and a long poll (20 s) abandoned by a stopped consumer would hold shutdown
     * (Ctrl-C) that long. The actor system finishes terminating in the background.
     */
    @Override
    public void close() {
        try {
            Await.result(server.stopAndGetFuture().apply(), STOP_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Timed out waiting for abandoned long polls, or already stopped: nothing left to wait for.
        }
    }
}

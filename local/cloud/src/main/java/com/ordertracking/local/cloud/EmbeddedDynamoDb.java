package com.ordertracking.local.cloud;

import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/** DynamoDB Local in this JVM on a loopback port; in memory, or in {@code dataDir} to persist. */
final class EmbeddedDynamoDb implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final int port;

    private EmbeddedDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedDynamoDb start(int port, Path dataDir) {
        int chosen = port > 0 ? port : Ports.free();
        // Telemetry would be the only traffic leaving the machine.
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(chosen), "-disableTelemetry"));
        // One shared database whatever access key or region a client signs with.
        args.add("-sharedDb");
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            try {
                Files.createDirectories(dataDir);
            } catch (java.io.IOException e) {
                throw new LocalCloudException("Cannot create data directory " + dataDir + ": " + e.getMessage(), e);
            }
            args.addAll(List.of("-dbPath", dataDir.toAbsolutePath().toString()));
        }
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            bindToLoopback(server);
            server.start();
            return new EmbeddedDynamoDb(server, chosen);
        } catch (Exception e) {
            throw new LocalCloudException("DynamoDB Local could not start on port " + chosen + ": " + e.getMessage(), e);
        }
    }

    /**
     * DynamoDB Local has no bind-address option and listens on every interface; a developer's stack
     * should not be reachable from the network, so its Jetty connector is pointed at loopback.
     */
    private static void bindToLoopback(DynamoDBProxyServer proxy) {
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            Server jetty = (Server) field.get(proxy);
            for (Connector connector : jetty.getConnectors()) {
                if (connector instanceof ServerConnector serverConnector) {
                    serverConnector.setHost("127.0.0.1");
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("DynamoDB Local will listen on all interfaces: " + e.getMessage());
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping is best effort at shutdown.
        }
    }
}

package com.ordertracking.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user stops {@code java -jar order-tracking-local.jar} with Ctrl-C or {@code kill}: the launcher (which re-runs the
 * jar in a child JVM on JDK 24+) must stop that child too, and the child's shutdown hook must close the embedded
 * servers, so nothing keeps running or keeps the ports.
 */
class LauncherShutdownIT {
    private static final Path JAR = Path.of("..", "target", "order-tracking-local.jar");

    @Test
    void terminating_the_launcher_stops_the_runtime_and_frees_its_port(@TempDir Path workDir) throws Exception {
        assertThat(JAR).isRegularFile();
        int port = freePort();
        Path log = workDir.resolve("runtime.log");
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString(), "--port", Integer.toString(port))
                .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> healthy(port));
            List<ProcessHandle> runtimeProcesses = launcher.descendants().toList();

            launcher.destroy(); // SIGTERM, like kill or the terminal's Ctrl-C reaching the launcher

            await().atMost(Duration.ofSeconds(60)).until(() -> !launcher.isAlive()
                    && runtimeProcesses.stream().noneMatch(ProcessHandle::isAlive));
            assertThat(Files.readString(log)).contains("Stopping...");
            try (ServerSocket reuse = new ServerSocket(port)) {
                assertThat(reuse.getLocalPort()).as("the HTTP port is free again").isEqualTo(port);
            }
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static boolean healthy(int port) throws IOException, InterruptedException {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/_local/health")).build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package com.ordertracking.bench.coldstart;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one packaged {@code function.jar} the way Lambda starts a new execution environment: a fresh JVM with the
 * function's environment (its {@code JAVA_TOOL_OPTIONS} from template.yaml included) and only that jar plus the
 * {@link InvokeOnce} bootstrap on the class path, one event, one response. Measures the wall time from starting
 * the process to the response line and counts the classes the JVM loaded ({@code -Xlog:class+load}).
 * Shared by the cold-start harness and the packaged-jar integration test.
 */
public final class FunctionJarRun {
    private static final long TIMEOUT_SECONDS = 60;

    /**
     * @param response      the handler's response as JSON (empty when it failed)
     * @param error         the failure the bootstrap reported, if any
     * @param firstResponseMs process start → response line, in milliseconds
     * @param classesLoaded every class the JVM loaded up to the exit (JDK ones from the CDS archive included)
     * @param classesFromJar the classes loaded from {@code function.jar}
     * @param jarBytes      size of {@code function.jar}
     */
    public record Result(String response, Optional<String> error, double firstResponseMs, int classesLoaded,
            int classesFromJar, long jarBytes, String stderr) {
        public boolean succeeded() {
            return error.isEmpty() && !response.isEmpty();
        }
    }

    private FunctionJarRun() {
    }

    /**
     * @param functionJar the packaged function
     * @param handler     {@code package.Class::method} as in template.yaml
     * @param memoryMb    the function's {@code MemorySize}: Lambda sizes the heap from it
     * @param event       the event file
     * @param environment the function's environment (template variables resolved, AWS settings of the stack)
     * @param workDir     where the class-load log is written
     */
    public static Result run(Path functionJar, String handler, int memoryMb, Path event,
            Map<String, String> environment, Path workDir) {
        try {
            Files.createDirectories(workDir);
            Path classLog = workDir.resolve("classes-" + java.util.UUID.randomUUID() + ".log");
            List<String> command = new ArrayList<>(List.of(javaExecutable()));
            if (!Boolean.getBoolean("coldstart.plainJvm")) { // -Dcoldstart.plainJvm=true: the JVM's own defaults, for A/B
                command.addAll(lambdaJvmOptions(memoryMb));
            }
            command.addAll(List.of(
                    "-Xlog:class+load=info:file=" + classLog + "::filecount=0",
                    "-cp", String.join(java.io.File.pathSeparator, functionJar.toAbsolutePath().toString(),
                            codeSource(InvokeOnce.class), codeSource(LambdaEventSerializers.class)),
                    InvokeOnce.class.getName(), handler, event.toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            builder.environment().putAll(environment);
            // What Lambda sets in an environment it starts for a request (neither provisioned nor SnapStart).
            builder.environment().putIfAbsent("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
            Path stderrFile = Files.createTempFile(workDir, "stderr-", ".log");
            builder.redirectError(stderrFile.toFile());

            long started = System.nanoTime();
            Process process = builder.start();
            String response = "";
            String error = null;
            double elapsedMs = Double.NaN;
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(InvokeOnce.RESULT)) {
                        elapsedMs = (System.nanoTime() - started) / 1e6;
                        response = line.substring(InvokeOnce.RESULT.length());
                    } else if (line.startsWith(InvokeOnce.ERROR)) {
                        error = line.substring(InvokeOnce.ERROR.length());
                    }
                }
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                error = "no exit within " + TIMEOUT_SECONDS + " s";
            } else if (process.exitValue() != 0 && error == null) {
                error = "exit code " + process.exitValue();
            }
            if (error == null && response.isEmpty()) {
                error = "no response";
            }
            int[] classes = countClasses(classLog, functionJar.getFileName().toString());
            String stderr = Files.readString(stderrFile);
            if (System.getProperty("coldstart.keepClassLogs") == null) {
                Files.deleteIfExists(classLog);
            }
            Files.deleteIfExists(stderrFile);
            return new Result(response, Optional.ofNullable(error), elapsedMs, classes[0], classes[1],
                    Files.size(functionJar), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {total, from the jar named jarName}: one {@code class,load} line per class. */
    private static int[] countClasses(Path classLog, String jarName) throws IOException {
        int total = 0;
        int fromJar = 0;
        try (Stream<String> lines = Files.lines(classLog)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.contains(" source: ")) {
                    total++;
                    if (line.contains(jarName)) {
                        fromJar++;
                    }
                }
            }
        }
        return new int[] {total, fromJar};
    }

    /**
     * The options Lambda's Java runtime starts its JVM with, as a java17 environment's process list shows it in
     * public code (the java21 line is not published): a heap of 85 % of the function's memory, the serial collector,
     * class data sharing, IPv4, fatal errors to stderr. Lambda's own CDS archive of its runtime classes cannot be had
     * here; the JDK's default archive stands in. Without them the JVM here would pick G1 and a
     * quarter of this machine's memory, which no Lambda function of ours runs with. The template's
     * {@code JAVA_TOOL_OPTIONS} come on top, through the environment, as on Lambda.
     */
    static List<String> lambdaJvmOptions(int memoryMb) {
        return List.of("-XX:MaxHeapSize=" + memoryMb * 1024L * 85 / 100 + "k", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Djava.net.preferIPv4Stack=true", "-XX:+ErrorFileToStderr");
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Where a class was loaded from; the bootstrap's parts must not carry SDK or project classes of their own. */
    private static String codeSource(Class<?> type) {
        String location = location(type);
        if (Files.isRegularFile(Path.of(location, "software/amazon/awssdk/core/SdkClient.class"))
                || location.endsWith(".jar") && !Path.of(location).getFileName().toString().matches("(aws-lambda-java-serialization|bench)-.*")) {
            throw new IllegalStateException(type.getName() + " comes from " + location
                    + ": the bootstrap class path must hold only the bench classes and aws-lambda-java-serialization");
        }
        return location;
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.ordertracking.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local runtime as a user runs it ({@code java -jar order-tracking-local.jar}), in its own process so its CPU
 * time can be read from {@code /proc/<pid>/stat} without the load generator's. Its console is read live: the
 * tracking processor's JSON lines say when each distinct event was applied, which is the end-to-end throughput.
 */
final class RuntimeProcess implements AutoCloseable {
    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ; Linux has reported 100 for decades

    private final Process process;
    private final URI base;
    private final Thread reader;
    private final Thread errReader;
    /** Harness-clock nanos at which each "tracking event applied" line was read. */
    final List<Long> appliedAt = new CopyOnWriteArrayList<>();
    /** Harness-clock nanos of each "tracking event already applied" line (a redelivered or re-posted event). */
    final List<Long> duplicateAt = new CopyOnWriteArrayList<>();
    final AtomicInteger failedLines = new AtomicInteger();
    final AtomicInteger parkedLines = new AtomicInteger();
    final AtomicInteger errorLines = new AtomicInteger();

    private RuntimeProcess(Process process, URI base, Path log) throws IOException {
        this.process = process;
        this.base = base;
        // stdout (function output, e.g. the processor's JSON lines) and stderr (the runtime's log) are read apart:
        // merged, a line of one could be cut by a line of the other.
        this.reader = console("runtime-stdout", process.getInputStream(), log, true);
        this.errReader = console("runtime-stderr", process.getErrorStream(),
                log.resolveSibling(log.getFileName() + ".err"), false);
    }

    private Thread console(String name, java.io.InputStream stream, Path log, boolean functionOutput)
            throws IOException {
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), false);
        return Thread.ofPlatform().daemon().name(name).start(() -> {
            try (var in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)); out) {
                String line;
                while ((line = in.readLine()) != null) {
                    long now = System.nanoTime();
                    if (!functionOutput) {
                        if (line.contains(" ERROR")) {
                            errorLines.incrementAndGet();
                        }
                    } else if (line.contains("\"tracking event applied")) {
                        appliedAt.add(now);
                    } else if (line.contains("\"tracking event already applied")) {
                        duplicateAt.add(now);
                    } else if (line.contains("\"tracking event failed")) {
                        failedLines.incrementAndGet();
                    } else if (line.contains("\"tracking event parked")) {
                        parkedLines.incrementAndGet();
                    }
                    out.println(line);
                }
            } catch (IOException e) {
                // process ended
            }
        });
    }

    /** Starts {@code java [jvmArgs] -jar jar --port N} in {@code workDir} (its template.yaml) and waits for health. */
    static RuntimeProcess start(Path jar, Path workDir, List<String> jvmArgs, Path log) throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--port", Integer.toString(port)));
        // --verbose: the console shows functions' INFO lines only then, and the harness counts "tracking event
        // applied" lines from stdout (the default console shows invocations, warnings and errors only). Older
        // builds have no such option and print those lines anyway.
        if (acceptsVerbose(command.get(0), jar, workDir)) {
            command.add("--verbose");
        }
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).start();
        var runtime = new RuntimeProcess(process, URI.create("http://127.0.0.1:" + port), log);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("runtime exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var response = http.send(HttpRequest.newBuilder(runtime.base.resolve("/_local/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return runtime;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        runtime.close();
        throw new IllegalStateException("runtime not healthy after 3 minutes; see " + log);
    }

    /** Whether the jar's usage text ({@code --help}) lists {@code --verbose}. */
    private static boolean acceptsVerbose(String javaExecutable, Path jar, Path workDir) throws Exception {
        Process help = new ProcessBuilder(javaExecutable, "-jar", jar.toAbsolutePath().toString(), "--help")
                .directory(workDir.toFile()).redirectErrorStream(true).start();
        String usage = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        help.waitFor(1, TimeUnit.MINUTES);
        return usage.contains("--verbose");
    }

    URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    /**
     * utime + stime of the runtime (all threads) in seconds: the started process and its descendants, since the
     * jar's launcher may run the runtime in a child JVM (docs/operations.md, "Local runtime").
     */
    double cpuSeconds() throws IOException {
        long ticks = 0;
        for (long pid : processTree()) {
            try {
                ticks += cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
            } catch (IOException e) {
                // a process of the tree ended meanwhile
            }
        }
        return ticks / (double) CLOCK_TICKS_PER_SECOND;
    }

    /** utime + stime of a {@code /proc/.../stat} line: fields 14 and 15 (1-based), after the parenthesised name. */
    private static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private List<Long> processTree() {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(child -> pids.add(child.pid()));
        return pids;
    }

    /** CPU-seconds the runtime burns per 10 s of wall time, sampled over {@code window}. */
    double cpuPer10Seconds(Duration window) throws Exception {
        double before = cpuSeconds();
        long start = System.nanoTime();
        Thread.sleep(window);
        double used = cpuSeconds() - before;
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        return used / wallSeconds * 10;
    }

    @Override
    public void close() throws Exception {
        process.destroy(); // SIGTERM: the runtime's shutdown hook closes pollers and the embedded services
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        reader.join(Duration.ofSeconds(5));
        errReader.join(Duration.ofSeconds(5));
    }

    /**
     * CPU seconds per thread of the runtime's processes, from {@code /proc/<pid>/task/<tid>/stat}, keyed by
     * pid/tid with the thread's group: who burns the CPU (DynamoDB Local's single SQLite thread and its Jetty
     * threads, ElasticMQ, JIT/GC, the rest = functions, pollers, SDK clients, SNS endpoint, HTTP API).
     */
    Map<String, ThreadCpu> threadCpu() throws IOException {
        Map<String, ThreadCpu> threads = new LinkedHashMap<>();
        for (long pid : processTree()) {
            List<Path> tasks;
            try (var listing = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                tasks = listing.toList();
            } catch (IOException e) {
                continue; // the process ended meanwhile
            }
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // thread ended meanwhile
                }
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                double seconds = cpuTicks(stat) / (double) CLOCK_TICKS_PER_SECOND;
                threads.put(pid + "/" + task.getFileName(), new ThreadCpu(component(comm), seconds));
            }
        }
        return threads;
    }

    record ThreadCpu(String component, double seconds) {
    }

    /**
     * CPU seconds per thread group between two {@link #threadCpu()} snapshots, thread by thread: a thread started
     * meanwhile counts whole, one that ended meanwhile is missing (a slight undercount, never a negative figure).
     */
    static Map<String, Double> cpuSecondsByComponent(Map<String, ThreadCpu> before, Map<String, ThreadCpu> after) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (String component : COMPONENTS) {
            cpu.put(component, 0.0);
        }
        after.forEach((thread, now) -> {
            ThreadCpu then = before.get(thread);
            cpu.merge(now.component(), now.seconds() - (then == null ? 0 : then.seconds()), Double::sum);
        });
        return cpu;
    }

    static final List<String> COMPONENTS = List.of("dynamodbLocalSqliteThread", "dynamodbLocalJetty", "elasticMq",
            "jitAndGc", "functionsPollersSnsHttp");

    private static String component(String comm) {
        if (comm.startsWith("SQLiteQueue")) {
            return "dynamodbLocalSqliteThread";
        }
        if (comm.startsWith("qtp")) {
            return "dynamodbLocalJetty";
        }
        if (comm.startsWith("elasticmq")) {
            return "elasticMq";
        }
        if (comm.startsWith("C1 Comp") || comm.startsWith("C2 Comp") || comm.startsWith("GC ")
                || comm.startsWith("G1 ") || comm.startsWith("VM ")) {
            return "jitAndGc";
        }
        return "functionsPollersSnsHttp";
    }

    int exitValue() {
        return process.exitValue();
    }
}

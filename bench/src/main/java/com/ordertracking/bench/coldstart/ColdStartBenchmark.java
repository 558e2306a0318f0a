package com.ordertracking.bench.coldstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.local.cloud.LocalCloud;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start per function, several builds in the same run: starts the embedded AWS stack once (DynamoDB Local,
 * ElasticMQ, SNS on loopback, provisioned from template.yaml), then for each repetition, function and build
 * launches a fresh JVM with that build's {@code function.jar} ({@link FunctionJarRun}) and records the first
 * response time, classes loaded and jar size. Builds alternate within a repetition so that load from other work
 * on the machine falls on all of them alike. Writes {@code coldstart.json} (medians, min and max).
 *
 * <pre>
 * java -cp $(cat bench/target/classpath.txt):bench/target/classes com.ordertracking.bench.coldstart.ColdStartBenchmark \
 *     --build before=/path/to/checkout-at-main --build after=. --repetitions 5 --out bench/report/data/coldstart.json
 * </pre>
 */
public final class ColdStartBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static void main(String[] args) throws IOException {
        Map<String, Path> builds = new LinkedHashMap<>();
        int repetitions = 5;
        Path out = Path.of("bench/report/data/coldstart.json");
        Path work = Path.of("bench/target/coldstart");
        Path template = LocalCloud.findTemplate();
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--build" -> {
                    String[] labelAndDir = args[i + 1].split("=", 2);
                    builds.put(labelAndDir[0], Path.of(labelAndDir[1]));
                }
                case "--repetitions" -> repetitions = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--workdir" -> work = Path.of(args[i + 1]);
                case "--template" -> template = Path.of(args[i + 1]);
                case "--only" -> only.add(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (builds.isEmpty()) {
            builds.put("after", Path.of("."));
        }
        List<ColdStartCases.Case> cases = ColdStartCases.ALL.stream()
                .filter(c -> only.isEmpty() || only.contains(c.logicalId())).toList();
        Path eventsDir = template.toAbsolutePath().getParent().resolve("events");

        Map<String, Map<String, List<FunctionJarRun.Result>>> results = new LinkedHashMap<>();
        builds.keySet().forEach(label -> results.put(label, new LinkedHashMap<>()));
        String startedAt = Instant.now().toString();
        String loadBefore = loadAverage();
        try (LocalCloud cloud = LocalCloud.start(LocalCloud.Options.fromEnvironment(template)
                .withAws(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local")))) {
            for (int rep = 1; rep <= repetitions; rep++) {
                for (ColdStartCases.Case c : cases) {
                    Map<String, String> env = cloud.functionEnvironment(c.logicalId());
                    for (Map.Entry<String, Path> build : builds.entrySet()) {
                        Path event = ColdStartCases.prepareEvent(c, eventsDir, env, work.resolve("events"));
                        var function = cloud.model().function(c.logicalId()).orElseThrow();
                        FunctionJarRun.Result r = FunctionJarRun.run(c.jar(build.getValue()), function.handler(),
                                function.memorySize(), event, env,
                                work.resolve(build.getKey()));
                        boolean ok = r.succeeded() && c.accepts().test(ColdStartCases.parse(r.response()));
                        System.out.printf("rep %d %-32s %-7s %6.0f ms %5d classes (%5d from jar) %s%n", rep,
                                c.logicalId(), build.getKey(), r.firstResponseMs(), r.classesLoaded(),
                                r.classesFromJar(), ok ? "ok" : "FAILED " + r.error().orElse(abbreviate(r.response()))
                                        + "\n" + tail(r.stderr()));
                        if (ok) {
                            results.get(build.getKey()).computeIfAbsent(c.logicalId(), k -> new ArrayList<>()).add(r);
                        }
                    }
                }
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writeValue(out.toFile(), report(builds, results, cases, repetitions, startedAt, loadBefore));
        System.out.println("wrote " + out);
    }

    private static ObjectNode report(Map<String, Path> builds, Map<String, Map<String, List<FunctionJarRun.Result>>> results,
            List<ColdStartCases.Case> cases, int repetitions, String startedAt, String loadBefore) {
        ObjectNode root = JSON.createObjectNode();
        root.put("method", "Fresh JVM per run (`" + System.getProperty("java.vm.version") + "` started with the options Lambda's Java "
                + "runtime uses: heap 85 % of `MemorySize`, `-XX:+UseSerialGC`, `-Xshare:auto`, IPv4; plus the template's "
                + "`JAVA_TOOL_OPTIONS` and `AWS_LAMBDA_INITIALIZATION_TYPE=on-demand`), class path = the build's `function.jar` + the `InvokeOnce` bootstrap + "
                + "aws-lambda-java-serialization; one realistic event from `events/` against the embedded stack on "
                + "loopback. First response = process start → response line (JVM boot included); classes loaded = "
                + "`-Xlog:class+load` lines up to the exit (JDK classes included; \"from jar\" = from function.jar). "
                + "Median of " + repetitions + " runs, builds alternating; [min–max] in brackets. Started "
                + startedAt + ", load average " + loadBefore + " → " + loadAverage() + " on "
                + Runtime.getRuntime().availableProcessors() + " cores (shared machine). Command: `bench/coldstart.sh`.");
        ArrayNode buildsNode = root.putArray("builds");
        builds.keySet().forEach(label -> {
            ObjectNode b = buildsNode.addObject();
            b.put("label", label);
            ObjectNode functions = b.putObject("functions");
            for (ColdStartCases.Case c : cases) {
                List<FunctionJarRun.Result> runs = results.get(label).get(c.logicalId());
                if (runs == null || runs.isEmpty()) {
                    continue;
                }
                ObjectNode f = functions.putObject(c.logicalId());
                f.put("module", c.module());
                f.put("event", c.event());
                f.put("expected", c.expected());
                f.put("jarBytes", runs.getFirst().jarBytes());
                f.put("classesLoaded", median(runs.stream().mapToDouble(FunctionJarRun.Result::classesLoaded).toArray()));
                f.put("classesFromJar", median(runs.stream().mapToDouble(FunctionJarRun.Result::classesFromJar).toArray()));
                double[] ms = runs.stream().mapToDouble(FunctionJarRun.Result::firstResponseMs).sorted().toArray();
                f.put("firstResponseMs", median(ms));
                f.put("firstResponseMsMin", ms[0]);
                f.put("firstResponseMsMax", ms[ms.length - 1]);
                f.put("runs", ms.length);
            }
        });
        return root;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static String tail(String s) {
        return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
    }
}

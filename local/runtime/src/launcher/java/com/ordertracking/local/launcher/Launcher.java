package com.ordertracking.local.launcher;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jar's Main-Class, compiled for Java 8 so that {@code java -jar order-tracking-local.jar} works
 * whatever the default {@code java} is: on Java 21+ it runs the runtime in this JVM; on an older
 * Java it finds the newest installed JDK 21+ (the places {@code ./mvnw} searches) and runs the jar
 * again with it, forwarding arguments, JVM options, exit code and Ctrl-C. With none, one line says
 * what to install. On JDK 24+ it also re-runs itself once with {@code --sun-misc-unsafe-memory-access=allow}
 * (unless {@code --verbose}), the only way to keep a library's JDK warning off the console.
 */
public final class Launcher {
    static final int REQUIRED = 21;
    private static final String RUNTIME_MAIN = "com.ordertracking.local.runtime.Main";
    /** Set on the child so that a JDK lying about its version cannot make us loop. */
    private static final String RELAUNCHED = "ORDER_TRACKING_RELAUNCHED";
    /** The first JDK that warns about sun.misc.Unsafe memory access, and the option that allows it quietly. */
    private static final int QUIET_UNSAFE_FROM = 24;
    private static final String UNSAFE_OPTION = "--sun-misc-unsafe-memory-access";
    /** How long a stopping runtime may take before it is killed (it needs ~2-5 s, see docs/operations.md). */
    private static final int STOP_GRACE_SECONDS = 10;
    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)");

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        int running = feature(System.getProperty("java.specification.version"));
        boolean relaunched = System.getenv(RELAUNCHED) != null;
        if (running >= REQUIRED) {
            if (running >= QUIET_UNSAFE_FROM && !relaunched && !Arrays.asList(args).contains("--verbose")
                    && !hasOption(UNSAFE_OPTION)) {
                // JDK 24+ prints a sun.misc.Unsafe warning (from ElasticMQ's Pekko) straight to the stderr
                // file descriptor; only a command-line option keeps the console quiet.
                System.exit(relaunch(new File(System.getProperty("java.home")), args));
            }
            runHere(args);
            return;
        }
        String current = System.getProperty("java.home");
        File jdk = !relaunched ? newestJdk(System.getenv(), System.getProperty("user.home")) : null;
        if (jdk == null) {
            System.err.println("The local runtime needs Java " + REQUIRED + " or newer (this is Java "
                    + System.getProperty("java.specification.version") + " at " + current + "); install a JDK "
                    + REQUIRED + "+, e.g. 'sudo apt-get install openjdk-21-jdk', 'brew install openjdk@21' or Temurin 21 from https://adoptium.net");
            System.exit(1);
        }
        System.exit(relaunch(jdk, args));
    }

    private static void runHere(String[] args) throws Exception {
        try {
            Class.forName(RUNTIME_MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    private static int relaunch(File jdk, String[] args) throws IOException, InterruptedException {
        String jar = new File(Launcher.class.getProtectionDomain().getCodeSource().getLocation().getPath()).getPath();
        List<String> command = new ArrayList<String>();
        command.add(new File(jdk, "bin" + File.separator + "java").getPath());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        if (jdkVersion(jdk) >= QUIET_UNSAFE_FROM && !Arrays.asList(args).contains("--verbose") && !hasOption(UNSAFE_OPTION)) {
            command.add(UNSAFE_OPTION + "=allow");
        }
        command.add("-jar");
        command.add(jar);
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(RELAUNCHED, jdk.getPath());
        final Process child = builder.start();
        // Ctrl-C reaches both JVMs; a plain kill of this one must still stop the runtime and wait for it.
        Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
            @Override
            public void run() {
                child.destroy();
                try {
                    // The runtime's own shutdown takes a few seconds; a child that hangs must not outlive us.
                    if (!child.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                        child.destroyForcibly();
                        child.waitFor(2, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    child.destroyForcibly();
                }
            }
        }, "stop-runtime"));
        return child.waitFor();
    }

    /**
     * The newest JDK {@value #REQUIRED}+ among {@code JAVA_HOME}, {@code JAVA*_HOME}, {@code JDK_HOME}
     * and the usual install folders (Debian/Ubuntu/Fedora, macOS, SDKMAN, IntelliJ, Gradle, asdf, JBang).
     */
    static File newestJdk(Map<String, String> env, String userHome) {
        List<File> candidates = new ArrayList<File>();
        for (Map.Entry<String, String> variable : env.entrySet()) {
            if (variable.getKey().matches("JAVA[0-9_]*_HOME|JDK_HOME")) {
                candidates.add(new File(variable.getValue()));
            }
        }
        for (String folder : new String[] {"/usr/lib/jvm", "/usr/java", "/usr/jdk", "/opt/java"}) {
            addChildren(candidates, new File(folder), null);
        }
        addChildren(candidates, new File("/Library/Java/JavaVirtualMachines"), "Contents/Home");
        addChildren(candidates, new File(userHome, "Library/Java/JavaVirtualMachines"), "Contents/Home");
        for (String folder : new String[] {".sdkman/candidates/java", ".jdks", ".gradle/jdks", ".asdf/installs/java",
                ".jbang/cache/jdks", ".m2/jdks"}) {
            addChildren(candidates, new File(userHome, folder), null);
        }
        File best = null;
        int bestVersion = REQUIRED - 1;
        for (File candidate : candidates) {
            int version = jdkVersion(candidate);
            if (version > bestVersion) {
                best = candidate;
                bestVersion = version;
            }
        }
        return best;
    }

    private static void addChildren(List<File> candidates, File folder, String suffix) {
        File[] children = folder.listFiles();
        if (children == null) {
            return;
        }
        Arrays.sort(children);
        for (File child : children) {
            candidates.add(suffix == null ? child : new File(child, suffix));
        }
    }

    /** The feature version in a JDK's {@code release} file, or -1 when {@code home} is no runnable JDK. */
    static int jdkVersion(File home) {
        File release = new File(home, "release");
        if (!new File(home, "bin" + File.separator + "java").canExecute() || !release.isFile()) {
            return -1;
        }
        try {
            Matcher version = RELEASE_VERSION.matcher(new String(Files.readAllBytes(release.toPath()), StandardCharsets.UTF_8));
            return version.find() ? Integer.parseInt(version.group(1)) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static boolean hasOption(String option) {
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith(option)) {
                return true;
            }
        }
        return false;
    }

    static int feature(String specificationVersion) {
        String version = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int dot = version.indexOf('.');
        return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    }
}

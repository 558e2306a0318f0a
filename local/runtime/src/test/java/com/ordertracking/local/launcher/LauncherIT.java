package com.ordertracking.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's run command on a machine whose default java is older than 21: the packaged jar,
 * started by a Java 8–20 found on this machine, hands over to an installed JDK 21+ and runs the
 * runtime there ({@code --help} proves the runtime's Main ran: it needs Java 21). Skipped where no
 * older Java is installed.
 */
class LauncherIT {
    private static final Path JAR = Path.of("..", "target", "order-tracking-local.jar");

    @Test
    void an_older_default_java_starts_the_runtime_on_an_installed_jdk_21() throws Exception {
        Optional<File> oldJava = olderJava();
        assumeTrue(oldJava.isPresent(), "no Java older than 21 installed here");
        assertThat(JAR).isRegularFile();

        ProcessBuilder builder = new ProcessBuilder(oldJava.get().getPath(), "-jar", JAR.toString(), "--help")
                .redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Usage: java -jar local/target/order-tracking-local.jar")
                .doesNotContain("UnsupportedClassVersionError");
    }

    private static Optional<File> olderJava() {
        File[] jdks = new File("/usr/lib/jvm").listFiles();
        return jdks == null ? Optional.empty() : Arrays.stream(jdks)
                .filter(home -> {
                    int version = Launcher.jdkVersion(home);
                    return version >= 8 && version < Launcher.REQUIRED;
                })
                .sorted(Comparator.comparing(File::getName))
                .map(home -> new File(home, "bin/java"))
                .findFirst();
    }
}

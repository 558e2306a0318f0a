package com.ordertracking.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.local.cloud.LocalCloud;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every packaged {@code function.jar} (shaded, then shrunk by ProGuard, with the AWS services it does not call left
 * out) still works on its own: one function per module runs in a fresh JVM with only its jar on the class path
 * against the embedded AWS stack, the same way the cold-start harness runs it, and must give a real response.
 * The jar must also stay within the deployment-size budget of issue 14.
 */
class FunctionJarIT {
    private static final long MAX_JAR_BYTES = 6_000_000;
    private static final Path CHECKOUT = LocalCloud.findTemplate().getParent();

    private static LocalCloud cloud;

    @TempDir
    static Path work;

    @BeforeAll
    static void startStack() {
        cloud = LocalCloud.start(LocalCloud.Options.fromEnvironment(CHECKOUT.resolve("template.yaml"))
                .withAws(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local")));
    }

    @AfterAll
    static void stopStack() {
        if (cloud != null) {
            cloud.close();
        }
    }

    static Stream<ColdStartCases.Case> cases() {
        return ColdStartCases.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void packagedJarAnswersItsEventInAFreshJvm(ColdStartCases.Case c) throws Exception {
        Path jar = c.jar(CHECKOUT);
        assertThat(jar).as("run `./mvnw package` first").exists();
        Map<String, String> env = cloud.functionEnvironment(c.logicalId());
        Path event = ColdStartCases.prepareEvent(c, CHECKOUT.resolve("events"), env, work.resolve("events"));

        var function = cloud.model().function(c.logicalId()).orElseThrow();
        FunctionJarRun.Result result = FunctionJarRun.run(jar, function.handler(), function.memorySize(), event, env,
                work.resolve(c.module()));

        assertThat(result.error()).as("bootstrap failure; stderr:%n%s", result.stderr()).isEmpty();
        assertThat(c.accepts().test(ColdStartCases.parse(result.response())))
                .as("%s expected %s, got %s", c.logicalId(), c.expected(), result.response()).isTrue();
        assertThat(result.classesFromJar()).as("classes loaded from function.jar").isPositive();
        assertThat(Files.size(jar)).as("%s size", jar).isLessThanOrEqualTo(MAX_JAR_BYTES);
    }
}

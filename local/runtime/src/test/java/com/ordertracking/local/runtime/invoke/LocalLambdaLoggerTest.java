package com.ordertracking.local.runtime.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalLambdaLoggerTest {

    @Test
    void jsonFormatWritesWhatTheManagedRuntimeWritesAndDropsLinesBelowTheApplicationLevel() throws Exception {
        LocalLambdaLogger logger = new LocalLambdaLogger("fn", "req-1",
                Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON", "AWS_LAMBDA_LOG_LEVEL", "WARN"));

        String output = console(() -> {
            logger.log("routine function=fn", LogLevel.INFO);
            logger.log("careful function=fn orderId=ord_1", LogLevel.WARN);
        });

        JsonNode line = Json.parse(output.strip());
        assertThat(output.strip()).doesNotContain("\n").doesNotContain("routine");
        assertThat(line.get("level").asText()).isEqualTo("WARN");
        assertThat(line.get("message").asText()).isEqualTo("careful function=fn orderId=ord_1");
        assertThat(line.get("AWSRequestId").asText()).isEqualTo("req-1");
        assertThat(line.get("timestamp").asText()).endsWith("Z");
    }

    @Test
    void textFormatPrefixesFunctionRequestAndLevel() {
        LocalLambdaLogger logger = new LocalLambdaLogger("fn", "req-2", Map.of("AWS_LAMBDA_LOG_FORMAT", "TEXT"));

        assertThat(logger.format("hello", LogLevel.INFO)).isEqualTo("[fn req-2] [INFO] hello");
        assertThat(logger.format("plain", LogLevel.UNDEFINED)).isEqualTo("[fn req-2] plain");
    }

    private static String console(Runnable body) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            PrintStream sink = new PrintStream(captured, true, StandardCharsets.UTF_8);
            System.setOut(sink);
            System.setErr(sink);
            body.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}

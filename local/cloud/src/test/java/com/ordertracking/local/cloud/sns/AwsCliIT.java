package com.ordertracking.local.cloud.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The SNS endpoint driven by a real AWS CLI (query protocol through botocore), when one is installed; skipped
 * otherwise, since the CLI is no build dependency.
 */
class AwsCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalSnsStack stack;
    private static Path aws;

    private record Result(int exitCode, String stdout, String stderr) {
        JsonNode json() throws Exception {
            return JSON.readTree(stdout);
        }
    }

    @BeforeAll
    static void start() {
        aws = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "aws")).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(aws != null, "no aws CLI on PATH");
        stack = new LocalSnsStack();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static Result aws(String endpoint, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(aws.toString(), "--endpoint-url", endpoint, "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("aws %s finished", args[1]).isTrue();
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Result sns(String... args) throws Exception {
        return aws(stack.snsEndpoint.endpoint().toString(), args);
    }

    @Test
    void create_subscribe_publish_and_receive_with_the_cli() throws Exception {
        stack.sqs.createQueue(r -> r.queueName("cli-q"));
        Result topic = sns("sns", "create-topic", "--name", "cli-t");
        assertThat(topic.exitCode()).as(topic.stderr()).isZero();
        String topicArn = topic.json().path("TopicArn").asText();
        assertThat(topicArn).isEqualTo("arn:aws:sns:us-east-1:000000000000:cli-t");

        Result subscribed = sns("sns", "subscribe", "--topic-arn", topicArn, "--protocol", "sqs",
                "--notification-endpoint", LocalSnsStack.queueArn("cli-q"),
                "--attributes", "{\"FilterPolicy\": \"{\\\"status\\\": [\\\"SHIPPED\\\"]}\"}");
        assertThat(subscribed.exitCode()).as(subscribed.stderr()).isZero();
        assertThat(subscribed.json().path("SubscriptionArn").asText()).startsWith(topicArn + ":");

        Result published = sns("sns", "publish", "--topic-arn", topicArn, "--subject", "Hello",
                "--message", "{\"orderId\":\"o-1\"}",
                "--message-attributes", "{\"status\":{\"DataType\":\"String\",\"StringValue\":\"SHIPPED\"}}");
        assertThat(published.exitCode()).as(published.stderr()).isZero();
        String messageId = published.json().path("MessageId").asText();

        Result received = aws(stack.sqsEndpoint.toString(), "sqs", "receive-message", "--queue-url",
                stack.sqsEndpoint + "/000000000000/cli-q", "--wait-time-seconds", "5");
        assertThat(received.exitCode()).as(received.stderr()).isZero();
        JsonNode envelope = JSON.readTree(received.json().path("Messages").get(0).path("Body").asText());
        assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.path("MessageId").asText()).isEqualTo(messageId);
        assertThat(envelope.path("Subject").asText()).isEqualTo("Hello");
        assertThat(envelope.path("MessageAttributes").path("status").path("Value").asText()).isEqualTo("SHIPPED");
    }

    @Test
    void sms_actions_and_errors_with_the_cli() throws Exception {
        Result sms = sns("sns", "publish", "--phone-number", "+15555550199", "--message", "code 1234");
        assertThat(sms.exitCode()).as(sms.stderr()).isZero();
        assertThat(stack.outbox.messagesTo("+15555550199")).extracting(OutboxMessage::message).containsExactly("code 1234");

        // SetSMSAttributes has an empty output shape: botocore wants its empty Result element.
        Result set = sns("sns", "set-sms-attributes", "--attributes", "DefaultSMSType=Transactional");
        assertThat(set.exitCode()).as(set.stderr()).isZero();
        assertThat(set.stderr()).isEmpty();
        Result get = sns("sns", "get-sms-attributes");
        assertThat(get.json().path("attributes").path("DefaultSMSType").asText()).isEqualTo("Transactional");

        Result missing = sns("sns", "get-topic-attributes", "--topic-arn", "arn:aws:sns:us-east-1:000000000000:none");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("(NotFound)").contains("Topic does not exist");
    }
}

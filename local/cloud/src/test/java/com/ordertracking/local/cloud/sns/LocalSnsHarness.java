package com.ordertracking.local.cloud.sns;

import java.io.IOException;

/**
 * Manual check with the AWS CLI: starts ElasticMQ and the SNS endpoint, creates queue {@code q}, prints both
 * endpoints and the outbox as it fills, and runs until standard input closes. See docs/local-sns.md.
 */
public final class LocalSnsHarness {
    private LocalSnsHarness() {
    }

    public static void main(String[] args) throws IOException {
        try (LocalSnsStack stack = new LocalSnsStack()) {
            stack.sqs.createQueue(r -> r.queueName("q"));
            stack.outbox.addListener(m -> System.out.println("OUTBOX " + m));
            System.out.println("SNS_ENDPOINT=" + stack.snsEndpoint.endpoint());
            System.out.println("SQS_ENDPOINT=" + stack.sqsEndpoint);
            System.out.flush();
            while (System.in.read() >= 0) {
                // Runs until stdin reaches end of file.
            }
        }
    }
}

package com.ordertracking.local.cloud.sns;

import java.time.Instant;
import java.util.Map;

/**
 * One SMS or e-mail that SNS would have sent to the outside world.
 *
 * @param protocol   {@code sms}, {@code email} or {@code email-json}
 * @param endpoint   phone number or e-mail address
 * @param subject    e-mail subject ({@code null} for SMS)
 * @param message    text as it would be delivered (the JSON envelope for {@code email-json})
 * @param attributes message attributes (binary values base64), e.g. {@code AWS.SNS.SMS.SMSType}
 * @param time       when SNS accepted it
 * @param topicArn   topic it was published to, {@code null} for a direct SMS
 * @param messageId  the SNS message id
 */
public record OutboxMessage(String protocol, String endpoint, String subject, String message,
                            Map<String, String> attributes, Instant time, String topicArn, String messageId) {
    public OutboxMessage {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}

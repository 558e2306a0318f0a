package com.ordertracking.shared.adapters.messaging;

import com.ordertracking.shared.application.notification.MessageSender;
import com.ordertracking.shared.domain.notification.Notification.Audience;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Messages through SNS. SMS: {@code Publish(PhoneNumber)}, transactional. Email: a publish to the
 * {@code buyer-email} (or {@code seller-alerts}) topic with the party's id as message attribute, which only
 * that party's email subscription ({@link SnsEmailSubscriptions}) lets through.
 */
public final class SnsMessageSender implements MessageSender {
    private final SnsClient sns;
    private final EmailTopics topics;

    public SnsMessageSender(SnsClient sns, String buyerEmailTopicArn, String sellerAlertsTopicArn) {
        this.sns = sns;
        this.topics = new EmailTopics(buyerEmailTopicArn, sellerAlertsTopicArn);
    }

    @Override
    public String sendSms(String phoneNumber, String text) {
        return sns.publish(p -> p.phoneNumber(phoneNumber).message(text).messageAttributes(Map.of(
                "AWS.SNS.SMS.SMSType", string("Transactional")))).messageId();
    }

    @Override
    public String sendEmail(Audience audience, String partyId, String subject, String body) {
        boolean buyer = audience == Audience.BUYER;
        String topicArn = topics.topicArn(buyer);
        return sns.publish(p -> p.topicArn(topicArn).subject(subject).message(body)
                .messageAttributes(Map.of(EmailTopics.idAttribute(buyer), string(partyId)))).messageId();
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}

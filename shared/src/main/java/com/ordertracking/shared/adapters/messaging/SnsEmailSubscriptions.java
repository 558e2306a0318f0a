package com.ordertracking.shared.adapters.messaging;

import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.notification.EmailSubscriptions;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/**
 * Email subscriptions as SNS topic subscriptions with a filter policy on the party's id: buyers on the
 * buyer-email topic, sellers on the seller-alerts topic. Subscribing an endpoint again returns the same
 * subscription, so a failed store after this is repaired by the next request.
 */
public final class SnsEmailSubscriptions implements EmailSubscriptions {
    private final Supplier<SnsClient> sns;
    private final EmailTopics topics;

    /**
     * Either topic may be null in a function that never subscribes that party. The client is asked for on the first
     * change only: a function that just reads preferences never builds an SNS client.
     */
    public SnsEmailSubscriptions(Supplier<SnsClient> sns, String buyerEmailTopicArn, String sellerAlertsTopicArn) {
        this.sns = sns;
        this.topics = new EmailTopics(buyerEmailTopicArn, sellerAlertsTopicArn);
    }

    @Override
    public String reconcile(Party party, String partyId, String currentArn, String currentEmail, String wantedEmail) {
        boolean buyer = party == Party.BUYER;
        SnsClient sns = this.sns.get();
        String filter = Json.write(Map.of(EmailTopics.idAttribute(buyer), List.of(partyId)));
        if (currentArn != null && wantedEmail != null && wantedEmail.equals(currentEmail)) {
            // Re-assert the filter: repairs a subscription whose attributes drifted.
            sns.setSubscriptionAttributes(s -> s.subscriptionArn(currentArn).attributeName("FilterPolicy")
                    .attributeValue(filter));
            return currentArn;
        }
        if (currentArn != null) {
            try {
                sns.unsubscribe(u -> u.subscriptionArn(currentArn));
            } catch (NotFoundException e) {
                // Already gone: the state we want.
            }
        }
        if (wantedEmail == null) {
            return null;
        }
        String topicArn = topics.topicArn(buyer);
        return sns.subscribe(s -> s.topicArn(topicArn).protocol("email").endpoint(wantedEmail)
                .returnSubscriptionArn(true)
                .attributes(Map.of("FilterPolicy", filter, "FilterPolicyScope", "MessageAttributes")))
                .subscriptionArn();
    }
}

package com.ordertracking.local.cloud.provision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.CreateTopicRequest;
import software.amazon.awssdk.services.sns.model.CreateTopicResponse;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicRequest;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicResponse;
import software.amazon.awssdk.services.sns.model.SetSubscriptionAttributesRequest;
import software.amazon.awssdk.services.sns.model.SetSubscriptionAttributesResponse;
import software.amazon.awssdk.services.sns.model.SubscribeRequest;
import software.amazon.awssdk.services.sns.model.SubscribeResponse;
import software.amazon.awssdk.services.sns.model.Subscription;

/** Stand-in until the real local SNS endpoint exists: records topics and subscriptions in memory. */
final class FakeSnsClient implements SnsClient {

    record Sub(String arn, String topicArn, String protocol, String endpoint, Map<String, String> attributes) {}

    final Map<String, Map<String, String>> topics = new LinkedHashMap<>();
    final List<Sub> subscriptions = new ArrayList<>();
    int subscribeCalls;

    @Override
    public CreateTopicResponse createTopic(CreateTopicRequest request) {
        String arn = "arn:aws:sns:us-east-1:000000000000:" + request.name();
        topics.putIfAbsent(arn, new HashMap<>(request.attributes()));
        return CreateTopicResponse.builder().topicArn(arn).build();
    }

    @Override
    public SubscribeResponse subscribe(SubscribeRequest request) {
        subscribeCalls++;
        if (!topics.containsKey(request.topicArn())) {
            throw new IllegalArgumentException("No topic " + request.topicArn());
        }
        Sub sub = new Sub(request.topicArn() + ":" + subscriptions.size(), request.topicArn(), request.protocol(),
                request.endpoint(), new HashMap<>(request.attributes()));
        subscriptions.add(sub);
        return SubscribeResponse.builder().subscriptionArn(sub.arn()).build();
    }

    @Override
    public ListSubscriptionsByTopicResponse listSubscriptionsByTopic(ListSubscriptionsByTopicRequest request) {
        return ListSubscriptionsByTopicResponse.builder().subscriptions(subscriptions.stream()
                .filter(s -> s.topicArn().equals(request.topicArn()))
                .map(s -> Subscription.builder().subscriptionArn(s.arn()).topicArn(s.topicArn())
                        .protocol(s.protocol()).endpoint(s.endpoint()).build())
                .toList()).build();
    }

    @Override
    public SetSubscriptionAttributesResponse setSubscriptionAttributes(SetSubscriptionAttributesRequest request) {
        subscriptions.stream().filter(s -> s.arn().equals(request.subscriptionArn())).findFirst().orElseThrow()
                .attributes().put(request.attributeName(), request.attributeValue());
        return SetSubscriptionAttributesResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return "sns";
    }

    @Override
    public void close() {}
}

package com.ordertracking.shared.adapters.messaging;

/**
 * Each party's email topic and the message attribute its subscriptions filter on: what
 * {@link SnsEmailSubscriptions} subscribes with and {@link SnsMessageSender} publishes with must agree, or
 * mail silently stops. Either topic may be null in a function that never uses that party's.
 */
record EmailTopics(String buyerEmailTopicArn, String sellerAlertsTopicArn) {

    String topicArn(boolean buyer) {
        String arn = buyer ? buyerEmailTopicArn : sellerAlertsTopicArn;
        if (arn == null) {
            throw new IllegalStateException("No email topic configured for " + idAttribute(buyer));
        }
        return arn;
    }

    static String idAttribute(boolean buyer) {
        return buyer ? "buyerId" : "sellerId";
    }
}

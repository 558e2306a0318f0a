package com.ordertracking.shared.application.notification;

import com.ordertracking.shared.domain.notification.Notification.Audience;

/** Delivers rendered messages; each send returns the provider's message id (recorded in the ledger). */
public interface MessageSender {

    /** Sends {@code text} as a transactional SMS to {@code phoneNumber} (E.164). */
    String sendSms(String phoneNumber, String text);

    /** Emails the party's subscribed address (buyer or seller {@code partyId}); nobody else receives it. */
    String sendEmail(Audience audience, String partyId, String subject, String body);
}

package com.ordertracking.shared.application.notification;

/** Each party's email subscription to its notification topic (filtered to messages carrying its id). */
public interface EmailSubscriptions {

    enum Party { BUYER, SELLER }

    /**
     * Brings the party's subscription from {@code currentArn} (for {@code currentEmail}) to
     * {@code wantedEmail} (null: none) and returns the subscription's ARN (null when none). Idempotent.
     */
    String reconcile(Party party, String partyId, String currentArn, String currentEmail, String wantedEmail);
}

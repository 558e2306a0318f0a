package com.ordertracking.shared.application.notification;

/**
 * The notifier's exactly-once effect: one entry per order + event + channel. Protocol: <b>claim</b> → send →
 * <b>mark sent</b>, or <b>release</b> after a failed send so the retry need not wait. A claim abandoned by a
 * crashed sender is granted again once stale, so a crash between claim and send never loses the message
 * (docs/notifications.md, "Exactly once in effect").
 */
public interface NotificationLedger {

    sealed interface Claim {
        /** Ours to send; pass it to {@link #markSent} or {@link #release}. */
        record Granted(String key, String token) implements Claim {
        }

        /** Already sent: nothing to do. */
        record AlreadySent(String key) implements Claim {
        }

        /** Someone claimed it recently and may be sending right now: try again later. */
        record Busy(String key) implements Claim {
        }
    }

    Claim claim(String orderId, String eventId, Channel channel);

    /** Records the send; if the claim was taken over meanwhile, the new owner records it. */
    void markSent(Claim.Granted claim, String messageId);

    /** Gives a claim back after a failed send; a claim no longer ours is left alone. */
    void release(Claim.Granted claim);
}

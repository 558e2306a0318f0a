package com.ordertracking.shared.application.notification;

import com.ordertracking.shared.application.VersionConflictException;
import com.ordertracking.shared.domain.notification.BuyerMessage;
import com.ordertracking.shared.domain.notification.BuyerPreferences;
import com.ordertracking.shared.domain.notification.SellerAlert;
import com.ordertracking.shared.domain.notification.SellerPreferences;
import java.time.Clock;
import java.util.List;

/**
 * Reads and changes notification preferences, keeping each party's email subscription in step:
 * subscribed (with a filter policy on its id) while email is wanted, re-pointed when the address
 * changes, unsubscribed when email is turned off. SNS subscription calls come first and are
 * idempotent (subscribing an endpoint again returns the same subscription), so a failed store
 * is repaired by the next request.
 */
public final class PreferencesService {
    private static final int ATTEMPTS = 3;

    private final PreferencesStore repository;
    private final EmailSubscriptions subscriptions;
    private final Clock clock;

    public PreferencesService(PreferencesStore repository, EmailSubscriptions subscriptions, Clock clock) {
        this.repository = repository;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** A validated {@code PUT /me/notification-preferences} request. */
    public record BuyerUpdate(String email, String phone, BuyerPreferences.Channels channels,
            List<BuyerMessage> optOuts) {
    }

    /** A validated {@code PUT /seller/notification-preferences} request. */
    public record SellerUpdate(String email, String phone, List<SellerAlert> alerts) {
    }

    /** A buyer's preferences as the API shows them (defaults when never set). */
    public record BuyerView(String buyerId, String email, String phone, BuyerPreferences.Channels channels,
            List<BuyerMessage> optOuts, boolean emailSubscribed, java.time.Instant updatedAt) {
        static BuyerView of(BuyerPreferences p) {
            return new BuyerView(p.buyerId(), p.email(), p.phone(), p.channels(), p.optOuts(),
                    p.emailSubscriptionArn() != null, p.updatedAt());
        }
    }

    public record SellerView(String sellerId, String email, String phone, List<SellerAlert> alerts,
            boolean emailSubscribed, java.time.Instant updatedAt) {
        static SellerView of(SellerPreferences p) {
            return new SellerView(p.sellerId(), p.email(), p.phone(), p.alerts(), p.emailSubscriptionArn() != null,
                    p.updatedAt());
        }
    }

    public BuyerView buyer(String buyerId) {
        return BuyerView.of(repository.buyer(buyerId).orElse(BuyerPreferences.defaults(buyerId)));
    }

    public SellerView seller(String sellerId) {
        return SellerView.of(repository.seller(sellerId).orElse(SellerPreferences.defaults(sellerId)));
    }

    /** Applies a buyer's new preferences (email subscription first). */
    public BuyerView updateBuyer(String buyerId, BuyerUpdate update) {
        String email = update.email();
        BuyerPreferences.Channels wanted = update.channels();
        for (int attempt = 1; ; attempt++) {
            BuyerPreferences current = repository.buyer(buyerId).orElse(BuyerPreferences.defaults(buyerId));
            String arn = subscriptions.reconcile(EmailSubscriptions.Party.BUYER, buyerId, current.emailSubscriptionArn(),
                    current.email(), wanted.email() ? email : null);
            BuyerPreferences next = new BuyerPreferences(buyerId, email, update.phone(), wanted, update.optOuts(), arn,
                    current.version() + 1, clock.instant());
            try {
                repository.put(next);
                return BuyerView.of(next);
            } catch (VersionConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Applies a seller's new preferences (email subscription first). */
    public SellerView updateSeller(String sellerId, SellerUpdate update) {
        for (int attempt = 1; ; attempt++) {
            SellerPreferences current = repository.seller(sellerId).orElse(SellerPreferences.defaults(sellerId));
            String arn = subscriptions.reconcile(EmailSubscriptions.Party.SELLER, sellerId, current.emailSubscriptionArn(),
                    current.email(), update.email());
            SellerPreferences next = new SellerPreferences(sellerId, update.email(), update.phone(), update.alerts(), arn,
                    current.version() + 1, clock.instant());
            try {
                repository.put(next);
                return SellerView.of(next);
            } catch (VersionConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}

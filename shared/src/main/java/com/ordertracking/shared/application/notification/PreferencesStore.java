package com.ordertracking.shared.application.notification;

import com.ordertracking.shared.domain.notification.BuyerPreferences;
import com.ordertracking.shared.domain.notification.SellerPreferences;
import java.util.Optional;

/** Stored notification preferences; a put is conditional on the version before it ({@code VersionConflictException}). */
public interface PreferencesStore {
    Optional<BuyerPreferences> buyer(String buyerId);

    Optional<SellerPreferences> seller(String sellerId);

    void put(BuyerPreferences preferences);

    void put(SellerPreferences preferences);
}

package com.ordertracking.shared.application.seller;

import com.ordertracking.shared.domain.seller.SellerProfile;
import java.util.Optional;

/** Storage of seller profiles: one per seller, every write conditional on the version it was computed from. */
public interface SellerProfiles {

    Optional<SellerProfile> find(String sellerId);

    /**
     * Stores {@code profile} if the stored one is still at {@code profile.version() - 1} (absent for
     * version 1); false when another write got there first.
     */
    boolean put(SellerProfile profile);

    /** No profiles at all: every seller is one that never set its profile. */
    static SellerProfiles none() {
        return new SellerProfiles() {
            @Override
            public Optional<SellerProfile> find(String sellerId) {
                return Optional.empty();
            }

            @Override
            public boolean put(SellerProfile profile) {
                throw new UnsupportedOperationException("No profile storage configured");
            }
        };
    }
}

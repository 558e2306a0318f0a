package com.ordertracking.shared.application.seller;

import com.ordertracking.shared.application.ConflictException;
import com.ordertracking.shared.application.NotFoundException;
import com.ordertracking.shared.application.StaleVersionException;
import com.ordertracking.shared.domain.seller.SellerProfile;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;

/**
 * {@code GET|PUT /seller/profile}. A PUT replaces the whole profile with a write conditional on the version
 * it was computed from: the one named in {@code If-Match} (412 when stale) or else the one just read
 * (409 when another write won in between). Orders copy what they need (docs/data-model.md), so a PUT
 * never touches an order.
 */
public final class SellerProfileService {
    private static final String RESOURCE = "Your seller profile";

    private final SellerProfiles profiles;
    private final Clock clock;

    public SellerProfileService(SellerProfiles profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    public SellerProfile get(String sellerId) {
        return profiles.find(sellerId).orElseThrow(() -> new NotFoundException(
                "You have no seller profile yet; create it with PUT /seller/profile"));
    }

    /** Creates or replaces the seller's profile ({@code expectedVersion}: the If-Match ETag, 0 = "none yet"). */
    public SellerProfile put(String sellerId, ProfileUpdate update, OptionalLong expectedVersion) {
        long current = profiles.find(sellerId).map(SellerProfile::version).orElse(0L);
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current) {
            throw StaleVersionException.of(RESOURCE);
        }
        SellerProfile next = new SellerProfile(sellerId, update.displayName(), update.supportEmail(),
                update.warehouses(), update.defaultWarehouseId(), update.returnAddress(), current + 1,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (!profiles.put(next)) {
            if (expectedVersion.isPresent()) {
                throw StaleVersionException.of(RESOURCE);
            }
            throw new ConflictException("concurrent-modification",
                    "Your seller profile was changed by another request at the same time; read it again and retry");
        }
        return next;
    }
}

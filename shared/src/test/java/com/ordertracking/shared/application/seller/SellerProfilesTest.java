package com.ordertracking.shared.application.seller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ordertracking.shared.application.ConflictException;
import com.ordertracking.shared.application.FieldError;
import com.ordertracking.shared.application.NotFoundException;
import com.ordertracking.shared.application.StaleVersionException;
import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.seller.SellerProfile;
import com.ordertracking.shared.domain.seller.Warehouse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The profile's conditional writes and the ship-from rule (which warehouse a shipped order records). */
class SellerProfilesTest {
    private static final Address ADDRESS = new Address("Dock", "1 Dock Rd", null, "Oakland", "CA", "94607", "US", null);
    private static final Warehouse EAST = new Warehouse("east", "East", ADDRESS);
    private static final Warehouse WEST = new Warehouse("west", "West", ADDRESS);

    /** Conditional like the DynamoDB store: a put must be one version above what is stored. */
    static final class InMemoryProfiles implements SellerProfiles {
        final Map<String, SellerProfile> stored = new HashMap<>();
        Runnable beforePut = () -> { };

        @Override
        public Optional<SellerProfile> find(String sellerId) {
            return Optional.ofNullable(stored.get(sellerId));
        }

        @Override
        public boolean put(SellerProfile profile) {
            beforePut.run();
            long current = find(profile.sellerId()).map(SellerProfile::version).orElse(0L);
            if (current != profile.version() - 1) {
                return false;
            }
            stored.put(profile.sellerId(), profile);
            return true;
        }
    }

    private final InMemoryProfiles profiles = new InMemoryProfiles();
    private final SellerProfileService service = new SellerProfileService(profiles,
            Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

    private static ProfileUpdate update(String name) {
        return new ProfileUpdate(name, null, List.of(EAST, WEST), "west", ADDRESS);
    }

    @Test
    void a_profile_is_created_then_replaced_one_version_at_a_time() {
        assertThatThrownBy(() -> service.get("s1")).isInstanceOf(NotFoundException.class);

        assertThat(service.put("s1", update("Acme"), OptionalLong.empty()).version()).isEqualTo(1);
        SellerProfile second = service.put("s1", update("Acme Mugs"), OptionalLong.of(1));

        assertThat(second.version()).isEqualTo(2);
        assertThat(service.get("s1").displayName()).isEqualTo("Acme Mugs");
    }

    @Test
    void a_stale_if_match_is_412_and_a_lost_race_without_it_is_409() {
        service.put("s1", update("Acme"), OptionalLong.empty());

        assertThatThrownBy(() -> service.put("s1", update("Stale"), OptionalLong.of(7)))
                .isInstanceOf(StaleVersionException.class);
        profiles.beforePut = () -> profiles.stored.put("s1", new SellerProfile("s1", "Racer", null, List.of(), null,
                ADDRESS, 2, Instant.EPOCH));
        assertThatThrownBy(() -> service.put("s1", update("Loser"), OptionalLong.empty()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("concurrent-modification"));
        assertThat(profiles.stored.get("s1").displayName()).isEqualTo("Racer");
    }

    @Test
    void an_order_ships_from_the_named_warehouse_else_the_default_else_none() {
        ShipFrom shipFrom = new ShipFrom(profiles);
        assertThat(shipFrom.resolve("s1", null)).as("no profile: ships without one").isEmpty();

        service.put("s1", update("Acme"), OptionalLong.empty());

        assertThat(shipFrom.resolve("s1", null)).contains(WEST);
        assertThat(shipFrom.resolve("s1", "east")).contains(EAST);
        assertThatThrownBy(() -> shipFrom.resolve("s1", "north"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("warehouseId"));
        assertThatThrownBy(() -> shipFrom.resolve("s2", "east"))
                .as("another seller's warehouse id is unknown to this one").isInstanceOf(ValidationException.class);
    }
}

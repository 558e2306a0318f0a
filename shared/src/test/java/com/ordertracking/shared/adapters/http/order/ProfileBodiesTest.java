package com.ordertracking.shared.adapters.http.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.FieldError;
import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.application.seller.ProfileUpdate;
import org.junit.jupiter.api.Test;

/** {@code PUT /seller/profile} validation: each mistake named by its full path, the default-warehouse rule. */
class ProfileBodiesTest {
    private static final String ADDRESS = """
            {"name": "Acme returns", "line1": "1 Dock Rd", "city": "Oakland", "postalCode": "94607", "country": "US"}""";

    private static ProfileUpdate read(String json) throws Exception {
        return ProfileBodies.profile(Json.parse(json));
    }

    private static java.util.List<String> fieldsOf(String json) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> read(json));
        assertThat(e).as("expected a 400 for %s", json).isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void a_valid_profile_names_its_default_warehouse() throws Exception {
        ProfileUpdate update = read("""
                {"displayName": "Acme Mugs", "supportEmail": "help@acme.example",
                 "warehouses": [{"warehouseId": "east", "name": "East", "address": %s},
                                {"warehouseId": "west", "name": "West", "address": %s, "default": true}],
                 "returnAddress": %s}""".formatted(ADDRESS, ADDRESS, ADDRESS));

        assertThat(update.displayName()).isEqualTo("Acme Mugs");
        assertThat(update.warehouses()).extracting(w -> w.warehouseId()).containsExactly("east", "west");
        assertThat(update.defaultWarehouseId()).isEqualTo("west");
    }

    @Test
    void a_single_warehouse_is_the_default_by_itself_and_none_is_allowed() throws Exception {
        assertThat(read("""
                {"displayName": "Acme", "warehouses": [{"warehouseId": "only", "name": "Only", "address": %s}],
                 "returnAddress": %s}""".formatted(ADDRESS, ADDRESS)).defaultWarehouseId()).isEqualTo("only");
        assertThat(read("""
                {"displayName": "Acme", "warehouses": [], "returnAddress": %s}""".formatted(ADDRESS))
                .defaultWarehouseId()).isNull();
    }

    @Test
    void every_bad_field_is_named_with_its_path() {
        assertThat(fieldsOf("""
                {"displayName": " ", "supportEmail": "not-an-email", "colour": "red",
                 "warehouses": [{"warehouseId": "a", "name": "A", "address": %s, "default": true},
                                {"warehouseId": "b c", "name": "B",
                                 "address": {"name": "B", "line1": "2 Rd", "city": "Austin", "country": "US"}}]}"""
                .formatted(ADDRESS)))
                .containsExactlyInAnyOrder("displayName", "supportEmail", "colour", "warehouses[1].warehouseId",
                        "warehouses[1].address.postalCode", "returnAddress");
    }

    @Test
    void more_than_one_warehouse_needs_exactly_one_default_and_distinct_ids() {
        assertThat(fieldsOf("""
                {"displayName": "Acme", "warehouses": [{"warehouseId": "a", "name": "A", "address": %s},
                                                       {"warehouseId": "b", "name": "B", "address": %s}],
                 "returnAddress": %s}""".formatted(ADDRESS, ADDRESS, ADDRESS))).containsExactly("warehouses");
        assertThat(fieldsOf("""
                {"displayName": "Acme",
                 "warehouses": [{"warehouseId": "a", "name": "A", "address": %s, "default": true},
                                {"warehouseId": "a", "name": "B", "address": %s, "default": true}],
                 "returnAddress": %s}""".formatted(ADDRESS, ADDRESS, ADDRESS)))
                .containsExactlyInAnyOrder("warehouses[1].warehouseId", "warehouses");
    }
}

package com.ordertracking.shared.adapters.http.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.http.JsonFields;
import com.ordertracking.shared.application.seller.ProfileUpdate;
import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.seller.Warehouse;
import com.ordertracking.shared.domain.validation.Formats;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code PUT /seller/profile {displayName, supportEmail?, warehouses: [{warehouseId, name, address, default?}],
 * returnAddress}}: every mistake named in one 400 (e.g. {@code warehouses[1].address.postalCode}).
 */
public final class ProfileBodies {
    static final int MAX_WAREHOUSES = 20;
    private static final Pattern WAREHOUSE_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private ProfileBodies() {
    }

    public static ProfileUpdate profile(JsonNode body) {
        JsonFields fields = JsonFields.root(body);
        fields.throwIfInvalid();
        fields.rejectUnknown(Set.of("displayName", "supportEmail", "warehouses", "returnAddress"));
        String displayName = fields.requiredText("displayName", 100);
        String supportEmail = fields.optionalText("supportEmail", 254);
        if (supportEmail != null && !Formats.isEmail(supportEmail)) {
            fields.error("supportEmail", "must be an email address");
        }
        List<Warehouse> warehouses = new ArrayList<>();
        List<String> defaults = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<JsonFields> entries = fields.requiredObjectArray("warehouses", 0, MAX_WAREHOUSES);
        for (JsonFields entry : entries) {
            entry.rejectUnknown(Set.of("warehouseId", "name", "address", "default"));
            String warehouseId = warehouseId(entry, "warehouseId", true);
            if (warehouseId != null && !seen.add(warehouseId)) {
                entry.error("warehouseId", "is used by another warehouse of this profile: " + warehouseId);
            }
            String name = entry.requiredText("name", 100);
            Address address = OrderRequests.address(entry.requiredObject("address"));
            if (Boolean.TRUE.equals(entry.optionalBoolean("default"))) {
                defaults.add(warehouseId);
            }
            warehouses.add(new Warehouse(warehouseId, name, address));
        }
        // One warehouse is the default by itself; with more, the seller says which one.
        String defaultWarehouseId = null;
        if (entries.size() == 1 && defaults.isEmpty()) {
            defaultWarehouseId = warehouses.getFirst().warehouseId();
        } else if (!entries.isEmpty() && defaults.size() != 1) {
            fields.error("warehouses", "exactly one warehouse must have \"default\": true; " + defaults.size() + " do");
        } else if (!defaults.isEmpty()) {
            defaultWarehouseId = defaults.getFirst();
        }
        Address returnAddress = OrderRequests.address(fields.requiredObject("returnAddress"));
        fields.throwIfInvalid();
        return new ProfileUpdate(displayName, supportEmail, warehouses, defaultWarehouseId, returnAddress);
    }

    /** A warehouse id: 1 to 40 letters, digits, {@code _} or {@code -} (also the ship request's {@code warehouseId}). */
    public static String warehouseId(JsonFields fields, String name, boolean required) {
        String id = required ? fields.requiredText(name, 40) : fields.optionalText(name, 40);
        if (id != null && !WAREHOUSE_ID.matcher(id).matches()) {
            fields.error(name, "must be 1 to 40 letters, digits, _ or -");
            return null;
        }
        return id;
    }
}

package com.ordertracking.shared.adapters.http.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.http.JsonFields;
import com.ordertracking.shared.application.order.PackageService.PackageRequest;
import com.ordertracking.shared.application.tracking.TrackingConfig;
import com.ordertracking.shared.domain.PackedItem;
import com.ordertracking.shared.domain.tracking.TrackingNumbers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The bodies of the package routes (docs/openapi.yaml), validated field by field like {@link OrderBodies}. */
public final class PackageBodies {
    private static final Set<String> PACKAGE_FIELDS = Set.of("carrier", "trackingNumber", "items", "estimatedDelivery",
            "warehouseId");
    private static final Set<String> CORRECTION_FIELDS = Set.of("carrier", "trackingNumber");
    private static final int MAX_LINES = 100;

    private PackageBodies() {
    }

    /** A carrier slug {@code config} knows and a normalized tracking number, as the package routes and ship take them. */
    public record CarrierAndNumber(String carrier, String trackingNumber) {
    }

    /** {@code POST /orders/{orderId}/packages}. */
    public static PackageRequest newPackage(JsonNode body, TrackingConfig config) {
        JsonFields fields = open(body, PACKAGE_FIELDS);
        CarrierAndNumber target = carrierAndNumber(fields, config, true);
        List<PackedItem> items = null;
        if (fields.has("items")) {
            items = new ArrayList<>();
            for (JsonFields item : fields.requiredObjectArray("items", 1, MAX_LINES)) {
                item.rejectUnknown(Set.of("sku", "quantity"));
                String sku = item.requiredText("sku", 64);
                Integer quantity = item.requiredInt("quantity", 1, OrderRequests.MAX_QUANTITY);
                if (sku != null && quantity != null) {
                    items.add(new PackedItem(sku, quantity));
                }
            }
        }
        Instant eta = fields.optionalTime("estimatedDelivery");
        String warehouseId = ProfileBodies.warehouseId(fields, "warehouseId", false);
        fields.throwIfInvalid();
        return new PackageRequest(target.carrier(), target.trackingNumber(), items, eta, warehouseId);
    }

    /** {@code PATCH /orders/{orderId}/packages/{packageId}}: either or both (absent = unchanged). */
    public static CarrierAndNumber correction(JsonNode body, TrackingConfig config) {
        JsonFields fields = open(body, CORRECTION_FIELDS);
        CarrierAndNumber target = carrierAndNumber(fields, config, false);
        if (!fields.has("carrier") && !fields.has("trackingNumber") && fields.isValid()) {
            fields.error("trackingNumber", "give carrier, trackingNumber or both");
        }
        fields.throwIfInvalid();
        return target;
    }

    /** The {@code carrier} and {@code trackingNumber} fields; each null when absent and not {@code required}. */
    static CarrierAndNumber carrierAndNumber(JsonFields fields, TrackingConfig config, boolean required) {
        String carrier = required || fields.has("carrier") ? fields.requiredText("carrier", 32) : null;
        if (carrier != null) {
            carrier = carrier.toLowerCase(Locale.ROOT);
            if (!config.knows(carrier)) {
                fields.error("carrier", "must be one of " + String.join(", ", config.carriers().stream().sorted().toList()));
            }
        }
        String trackingNumber = required || fields.has("trackingNumber")
                ? fields.requiredText("trackingNumber", 80) : null;
        if (trackingNumber != null) {
            trackingNumber = TrackingNumbers.normalize(trackingNumber);
            if (!TrackingNumbers.isValid(trackingNumber)) {
                fields.error("trackingNumber", "must be 4 to 64 letters, digits or dashes");
            }
        }
        return new CarrierAndNumber(carrier, trackingNumber);
    }

    private static JsonFields open(JsonNode body, Set<String> allowed) {
        JsonFields fields = JsonFields.root(body);
        fields.throwIfInvalid();
        fields.rejectUnknown(allowed);
        return fields;
    }
}

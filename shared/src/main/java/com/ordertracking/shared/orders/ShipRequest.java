package com.ordertracking.shared.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.tracking.TrackingConfig;
import com.ordertracking.shared.tracking.TrackingNumbers;
import com.ordertracking.shared.validation.JsonFields;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/** A validated {@code POST /orders/{orderId}/ship} body: {@code {carrier, trackingNumber, estimatedDelivery?}}. */
public record ShipRequest(String carrier, String trackingNumber, Instant estimatedDelivery) {
    private static final Set<String> FIELDS = Set.of("carrier", "trackingNumber", "estimatedDelivery");

    public static ShipRequest parse(JsonNode body, TrackingConfig config) {
        JsonFields fields = JsonFields.root(body);
        fields.throwIfInvalid();
        fields.rejectUnknown(FIELDS);
        String carrier = fields.requiredText("carrier", 32);
        if (carrier != null) {
            carrier = carrier.toLowerCase(Locale.ROOT);
            if (!config.knows(carrier)) {
                fields.error("carrier", "must be one of " + String.join(", ", config.carriers().stream().sorted().toList()));
            }
        }
        String trackingNumber = fields.requiredText("trackingNumber", 80);
        if (trackingNumber != null) {
            trackingNumber = TrackingNumbers.normalize(trackingNumber);
            if (!TrackingNumbers.isValid(trackingNumber)) {
                fields.error("trackingNumber", "must be 4 to 64 letters, digits or dashes");
            }
        }
        Instant eta = fields.optionalTime("estimatedDelivery");
        fields.throwIfInvalid();
        return new ShipRequest(carrier, trackingNumber, eta);
    }
}

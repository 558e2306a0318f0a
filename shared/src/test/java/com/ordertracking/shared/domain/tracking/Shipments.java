package com.ordertracking.shared.domain.tracking;

import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Buyer;
import com.ordertracking.shared.domain.LineItem;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.Totals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Test data: a shipped order and carrier events for it. */
final class Shipments {
    static final Instant SHIPPED_AT = Instant.parse("2026-11-20T09:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

    private Shipments() {
    }

    static Order shippedOrder() {
        BigDecimal ten = new BigDecimal("10.00");
        return new Order("ord_test", "seller-1", new Buyer("buyer-1", "Ana", "ana@example.com", null),
                List.of(new LineItem("SKU", "Mug", 1, ten, ten)),
                new Address("Ana", "1 Main St", null, "Springfield", "IL", "62701", "US", null),
                "USD", null, new Totals(ten, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), ten),
                OrderStatus.SHIPPED, 3, SHIPPED_AT, SHIPPED_AT,
                Shipment.registered("ups", "1Z999", Instant.parse("2026-11-25T18:00:00Z"), SHIPPED_AT), null, null, null, null, null, List.of());
    }

    static TrackingEvent event(String id, ShipmentStatus status, String at) {
        return event(id, status, Instant.parse(at), null);
    }

    static TrackingEvent event(String id, ShipmentStatus status, Instant at, Instant eta) {
        return new TrackingEvent("ups", id, "ups", "1Z999", status, status.name(), null, at, "Somewhere",
                "Scan " + id, eta);
    }
}

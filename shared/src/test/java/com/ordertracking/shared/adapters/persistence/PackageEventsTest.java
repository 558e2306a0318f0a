package com.ordertracking.shared.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Buyer;
import com.ordertracking.shared.domain.LineItem;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderPackage;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.PackedItem;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.Totals;
import com.ordertracking.shared.domain.event.OrderEvent;
import com.ordertracking.shared.domain.event.OrderEventType;
import com.ordertracking.shared.domain.notification.Notification;
import com.ordertracking.shared.domain.notification.NotificationTemplates;
import com.ordertracking.shared.domain.tracking.OrderFulfilment;
import com.ordertracking.shared.domain.tracking.ShipmentProgress;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import com.ordertracking.shared.domain.tracking.TrackingLinks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outbox and the texts of an order shipped in several packages (issue 11): one message per package change. */
class PackageEventsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final NotificationTemplates TEMPLATES =
            new NotificationTemplates(new TrackingLinks("https://shop.example.com", "test-secret-0123456789"));

    private Order order = Order.placed("ord_pkgevents", "seller-1", new Buyer("buyer-1", "Ana", null, "+14155550123"),
            List.of(new LineItem("MUG", "Mug", 2, BigDecimal.TEN, BigDecimal.TEN),
                    new LineItem("PLATE", "Plate", 1, BigDecimal.TEN, BigDecimal.TEN)),
            new Address("Ana", "1 Main St", null, "Springfield", "IL", "62701", "US", null), "USD", null,
            new Totals(BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.TEN), T0)
            .withStatus(OrderStatus.PROCESSED, T0);

    private List<OrderEvent> ship(List<PackedItem> items, String number) {
        OrderPackage pkg = OrderPackage.shipped(order.orderId(), order.packages().size() + 1,
                OrderFulfilment.pack(order, items), "ups", number, null, T0, null);
        Order before = order;
        order = OrderFulfilment.withNewPackage(order, pkg, T0);
        return OrderEvents.between(before, order);
    }

    private List<OrderEvent> scan(OrderPackage pkg, ShipmentStatus status) {
        TrackingEvent event = new TrackingEvent("ups", pkg.packageId() + status, "ups", pkg.shipment().trackingNumber(),
                status, status.name(), null, T0.plusSeconds(60), null, null, null);
        Order before = order;
        order = OrderFulfilment.afterPackageChange(order,
                pkg.withTracking(ShipmentProgress.advance(pkg.shipment(), event), null, T0), T0).orElse(order);
        return OrderEvents.between(before, order);
    }

    private static List<String> buyerTexts(List<OrderEvent> events) {
        return events.stream().flatMap(e -> TEMPLATES.render(e).stream())
                .filter(n -> n.audience() == Notification.Audience.BUYER).map(Notification::sms).toList();
    }

    @Test
    void each_package_change_is_one_event_named_after_its_package_and_one_buyer_message() {
        List<OrderEvent> first = ship(List.of(new PackedItem("MUG", 2)), "1ZAAA");
        assertThat(first).extracting(OrderEvent::eventType)
                .containsExactly(OrderEventType.OrderStatusChanged, OrderEventType.PackageUpdated);
        assertThat(first.get(1).eventId()).isEqualTo("ord_pkgevents:v3:PackageUpdated:pkg-1");
        assertThat(buyerTexts(first)).singleElement().asString().startsWith("Package 1 shipped: UPS 1ZAAA")
                .contains("More items follow");

        List<OrderEvent> second = ship(null, "1ZBBB");
        assertThat(buyerTexts(second)).singleElement().asString().startsWith("Package 2 of 2 shipped");

        OrderPackage a = OrderPackage.shipped(order.orderId(), 1, List.of(new PackedItem("MUG", 2)), "ups", "1ZAAA",
                null, T0, null);
        OrderPackage b = OrderPackage.shipped(order.orderId(), 2, List.of(new PackedItem("PLATE", 1)), "ups", "1ZBBB",
                null, T0, null);
        assertThat(buyerTexts(scan(a, ShipmentStatus.DELIVERED))).singleElement().asString()
                .startsWith("Package 1 of 2 delivered. Track the rest");
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);

        List<OrderEvent> last = scan(b, ShipmentStatus.DELIVERED);
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        // the order's DELIVERED status change is an event (for webhooks) but not a second buyer message
        assertThat(last).extracting(OrderEvent::eventType).contains(OrderEventType.OrderStatusChanged);
        assertThat(buyerTexts(last)).singleElement().asString().startsWith("Package 2 of 2 delivered. That's everything");
    }

    @Test
    void an_order_in_one_package_is_told_about_as_before_packages_existed() {
        List<OrderEvent> shipped = ship(null, "1ZONE");
        assertThat(shipped).extracting(OrderEvent::eventType).containsExactly(OrderEventType.OrderStatusChanged);
        assertThat(buyerTexts(shipped)).singleElement().asString().startsWith("Shipped: UPS 1ZONE");
    }
}

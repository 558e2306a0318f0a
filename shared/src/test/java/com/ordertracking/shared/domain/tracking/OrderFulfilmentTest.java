package com.ordertracking.shared.domain.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Buyer;
import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.IllegalTransitionException;
import com.ordertracking.shared.domain.LineItem;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderPackage;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.OverPackedException;
import com.ordertracking.shared.domain.PackedItem;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.Totals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The order status an order's packages make (issue 11), pure. */
class OrderFulfilmentTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant ETA = Instant.parse("2026-12-05T18:00:00Z");

    /** A processed order of 3 units: 2 mugs and 1 plate. */
    private static Order processed() {
        BigDecimal ten = new BigDecimal("10.00");
        Order placed = Order.placed("ord_p", "seller-1", new Buyer("buyer-1", "Ana", "ana@example.com", null),
                List.of(new LineItem("MUG", "Mug", 2, ten, new BigDecimal("20.00")),
                        new LineItem("PLATE", "Plate", 1, ten, ten)),
                new Address("Ana", "1 Main St", null, "Springfield", "IL", "62701", "US", null), "USD", null,
                new Totals(ten, BigDecimal.ZERO, BigDecimal.ZERO, ten), T0);
        return placed.withStatus(OrderStatus.PROCESSED, T0);
    }

    private static OrderPackage pkg(Order order, List<PackedItem> items, String number) {
        return OrderPackage.shipped(order.orderId(), order.packages().size() + 1, OrderFulfilment.pack(order, items),
                "ups", number, ETA, T0, null);
    }

    private static OrderPackage scanned(OrderPackage pkg, ShipmentStatus status, int minute) {
        TrackingEvent event = new TrackingEvent("ups", pkg.packageId() + "-" + status + "-" + minute, "ups",
                pkg.shipment().trackingNumber(), status, status.name(), null, T0.plusSeconds(60L * minute), null, null,
                null);
        return pkg.withTracking(ShipmentProgress.advance(pkg.shipment(), event), pkg.delay(), T0.plusSeconds(60L * minute));
    }

    private static Order apply(Order order, OrderPackage pkg) {
        return OrderFulfilment.afterPackageChange(order, pkg, T0).orElse(order);
    }

    @Test
    void the_first_package_with_some_items_makes_the_order_partially_shipped_and_the_last_one_shipped() {
        Order order = processed();
        OrderPackage first = pkg(order, List.of(new PackedItem("MUG", 2)), "1Z1");
        Order partly = OrderFulfilment.withNewPackage(order, first, T0);
        assertThat(partly.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(OrderFulfilment.unpacked(partly)).isEqualTo(Map.of("PLATE", 1));
        assertThat(partly.version()).isEqualTo(order.version() + 1);

        OrderPackage second = pkg(partly, null, "1Z2"); // items omitted: everything left
        assertThat(second.items()).containsExactly(new PackedItem("PLATE", 1));
        Order shipped = OrderFulfilment.withNewPackage(partly, second, T0);
        assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(shipped.packages()).extracting(p -> p.number()).containsExactly(1, 2);
        assertThat(OrderFulfilment.unpacked(shipped)).isEmpty();
    }

    @Test
    void one_package_with_everything_ships_the_order_at_once() {
        Order order = processed();
        Order shipped = OrderFulfilment.withNewPackage(order, pkg(order, null, "1Z1"), T0);
        assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(shipped.shipment().trackingNumber()).isEqualTo("1Z1");
    }

    @Test
    void packing_more_of_a_sku_than_is_left_names_the_sku() {
        Order partly = OrderFulfilment.withNewPackage(processed(),
                pkg(processed(), List.of(new PackedItem("MUG", 1)), "1Z1"), T0);
        assertThatThrownBy(() -> OrderFulfilment.pack(partly, List.of(new PackedItem("MUG", 2))))
                .isInstanceOfSatisfying(OverPackedException.class, e -> {
                    assertThat(e.sku()).isEqualTo("MUG");
                    assertThat(e.left()).isEqualTo(1);
                });
        // the same SKU twice in one request is added up
        assertThatThrownBy(() -> OrderFulfilment.pack(partly,
                List.of(new PackedItem("MUG", 1), new PackedItem("MUG", 1)))).isInstanceOf(OverPackedException.class);
        assertThatThrownBy(() -> OrderFulfilment.pack(partly, List.of(new PackedItem("CUP", 1))))
                .isInstanceOfSatisfying(OverPackedException.class, e -> assertThat(e.sku()).isEqualTo("CUP"));
    }

    @Test
    void the_order_follows_its_least_advanced_package_and_is_delivered_only_when_every_package_is() {
        Order order = processed();
        OrderPackage a = pkg(order, List.of(new PackedItem("MUG", 2)), "1Z1");
        order = OrderFulfilment.withNewPackage(order, a, T0);
        OrderPackage b = pkg(order, null, "1Z2");
        order = OrderFulfilment.withNewPackage(order, b, T0);

        a = scanned(a, ShipmentStatus.IN_TRANSIT, 1);
        order = apply(order, a);
        assertThat(order.status()).as("b has not moved yet").isEqualTo(OrderStatus.SHIPPED);
        a = scanned(a, ShipmentStatus.DELIVERED, 2);
        order = apply(order, a);
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        b = scanned(b, ShipmentStatus.OUT_FOR_DELIVERY, 3);
        order = apply(order, b);
        assertThat(order.status()).isEqualTo(OrderStatus.OUT_FOR_DELIVERY);
        assertThat(order.shipment().trackingNumber()).as("the order's shipment is its least advanced package")
                .isEqualTo("1Z2");
        b = scanned(b, ShipmentStatus.DELIVERED, 4);
        order = apply(order, b);
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.wasDelivered()).isTrue();
    }

    @Test
    void a_package_delivered_while_others_are_unpacked_leaves_the_order_partially_shipped() {
        Order order = processed();
        OrderPackage a = pkg(order, List.of(new PackedItem("PLATE", 1)), "1Z1");
        order = OrderFulfilment.withNewPackage(order, a, T0);
        order = apply(order, scanned(a, ShipmentStatus.DELIVERED, 5));
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(order.packages().getFirst().deliveredAt()).isNotNull();
        assertThat(order.wasDelivered()).isFalse();
    }

    @Test
    void a_checkpoint_that_changes_nothing_the_order_holds_leaves_the_order_alone() {
        Order order = processed();
        OrderPackage a = pkg(order, null, "1Z1");
        order = OrderFulfilment.withNewPackage(order, a, T0);
        a = scanned(a, ShipmentStatus.IN_TRANSIT, 1);
        order = apply(order, a);
        OrderPackage again = scanned(a, ShipmentStatus.IN_TRANSIT, 2); // another hub, same status
        assertThat(OrderFulfilment.afterPackageChange(order, again, T0)).isEqualTo(Optional.empty());
    }

    @Test
    void the_order_is_delayed_while_any_package_is_late() {
        Order order = processed();
        OrderPackage a = pkg(order, List.of(new PackedItem("MUG", 2)), "1Z1");
        order = OrderFulfilment.withNewPackage(order, a, T0);
        OrderPackage b = pkg(order, null, "1Z2");
        order = OrderFulfilment.withNewPackage(order, b, T0);
        Delay late = new Delay(Delay.Reason.PAST_ESTIMATED_DELIVERY, ETA.plusSeconds(60), null);
        OrderPackage lateB = b.withTracking(b.shipment(), late, ETA.plusSeconds(60));
        order = apply(order, lateB);
        assertThat(order.delay()).isEqualTo(late);
        order = apply(order, lateB.withTracking(lateB.shipment(), null, ETA.plusSeconds(120)));
        assertThat(order.delay()).isNull();
    }

    @Test
    void nothing_cancels_an_order_once_something_shipped() {
        Order partly = OrderFulfilment.withNewPackage(processed(),
                pkg(processed(), List.of(new PackedItem("MUG", 1)), "1Z1"), T0);
        assertThatThrownBy(() -> partly.withStatus(OrderStatus.CANCELLED, T0))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(OrderStatus.PARTIALLY_SHIPPED.isShippedOrLater()).isTrue();
    }

    @Test
    void an_order_past_the_shipping_stages_is_not_moved_by_its_packages() {
        assertThat(OrderFulfilment.next(OrderStatus.RETURN_REQUESTED, OrderStatus.DELIVERED))
                .isEqualTo(OrderStatus.RETURN_REQUESTED);
        assertThat(OrderFulfilment.next(OrderStatus.OUT_FOR_DELIVERY, OrderStatus.IN_TRANSIT))
                .as("never backwards").isEqualTo(OrderStatus.OUT_FOR_DELIVERY);
    }
}

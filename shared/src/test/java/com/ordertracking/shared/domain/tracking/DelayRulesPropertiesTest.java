package com.ordertracking.shared.domain.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.Shipment;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The index and the monitor agree: an order is in the due range at time t exactly when the monitor
 * would flag it at t, and a flag is never raised twice for the same triggers.
 */
class DelayRulesPropertiesTest {
    private static final Instant BASE = Shipments.SHIPPED_AT;

    @Provide
    Arbitrary<Order> watchedOrders() {
        Arbitrary<Long> hours = Arbitraries.longs().between(-48, 24 * 14);
        Arbitrary<Optional<Instant>> eta = hours.map(h -> BASE.plus(Duration.ofHours(h))).optional(0.8);
        Arbitrary<Optional<Instant>> lastScan = hours.map(h -> BASE.plus(Duration.ofHours(h))).optional(0.6);
        Arbitrary<Optional<Delay>> delay = Combinators.combine(
                Arbitraries.of(Delay.Reason.class), hours.map(h -> BASE.plus(Duration.ofHours(h))))
                .as((reason, at) -> new Delay(reason, at, null)).optional(0.5);
        Arbitrary<Long> silence = Arbitraries.longs().between(1, 24 * 7);
        return Combinators.combine(eta, lastScan, delay, silence).as((e, scan, d, s) -> {
            Order order = Shipments.shippedOrder();
            Shipment sh = order.shipment();
            Shipment shipment = new Shipment(sh.carrier(), sh.trackingNumber(), sh.status(), e.orElse(null),
                    sh.shippedAt(), scan.orElse(null), null, null, null, null);
            return order.withShipment(shipment, BASE).replacingDelay(d.orElse(null));
        });
    }

    @Provide
    Arbitrary<Duration> silences() {
        return Arbitraries.longs().between(1, 24 * 7).map(Duration::ofHours);
    }

    @Provide
    Arbitrary<Instant> times() {
        return Arbitraries.longs().between(-72 * 60, 30L * 24 * 60).map(m -> BASE.plus(Duration.ofMinutes(m)));
    }

    @Property
    void the_monitor_flags_exactly_what_the_index_says_is_due(@ForAll("watchedOrders") Order order,
            @ForAll("silences") Duration silence, @ForAll("times") Instant now) {
        DelayRules rules = new DelayRules(silence, DelayRules.DEFAULT_PUSH_BACK_THRESHOLD);
        boolean inDueRange = rules.dueAt(order).map(due -> !due.isAfter(now)).orElse(false);
        assertThat(rules.check(order, now).isPresent()).isEqualTo(inDueRange);
    }

    @Property
    void once_flagged_an_order_is_not_due_again_until_a_later_trigger(@ForAll("watchedOrders") Order order,
            @ForAll("silences") Duration silence, @ForAll("times") Instant now, @ForAll("times") Instant later) {
        DelayRules rules = new DelayRules(silence, DelayRules.DEFAULT_PUSH_BACK_THRESHOLD);
        Optional<Delay> delay = rules.check(order, now);
        if (delay.isEmpty()) {
            return;
        }
        Order flagged = order.withDelay(delay.get(), now);
        // Nothing is due at the flag's own time; whatever is due later lies strictly after it.
        assertThat(rules.check(flagged, now)).isEmpty();
        rules.dueAt(flagged).ifPresent(due -> assertThat(due).isAfter(now));
        if (!later.isAfter(now)) {
            assertThat(rules.check(flagged, later)).isEmpty();
        }
    }
}

package com.ordertracking.shared.domain.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Carriers deliver late, twice and out of order: whatever the interleaving, duplication and
 * reordering of a shipment's events, the order ends in the same state with the same timeline as when
 * the events arrive once, in carrier-time order.
 */
class ShipmentProgressPropertiesTest {

    /** What the processor keeps: the order and the timeline; duplicates are dropped by event key. */
    record Result(Order order, List<TimelineEntry> timeline) {
    }

    static Result applyAll(List<TrackingEvent> events, boolean dropDuplicates) {
        Order order = Shipments.shippedOrder();
        Set<String> applied = new HashSet<>();
        Set<TimelineEntry> timeline = new HashSet<>();
        for (TrackingEvent event : events) {
            if (dropDuplicates && !applied.add(event.key())) {
                continue;
            }
            ShipmentProgress.Applied result = ShipmentProgress.apply(order, event, Shipments.NOW);
            order = result.order();
            timeline.add(result.checkpoint());
        }
        List<TimelineEntry> sorted = new ArrayList<>(timeline);
        sorted.sort(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::entryId));
        return new Result(order, sorted);
    }

    @Property(tries = 500)
    void any_interleaving_duplication_and_reordering_ends_like_the_ordered_sequence(
            @ForAll("shipmentEvents") List<TrackingEvent> events,
            @ForAll @IntRange(min = 0, max = 15) int duplicates,
            @ForAll long seed) {
        List<TrackingEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(TrackingEvent::occurredAt).thenComparing(TrackingEvent::eventId));
        List<TrackingEvent> delivered = shuffledWithDuplicates(events, duplicates, new Random(seed));

        Result expected = applyAll(ordered, true);
        Result actual = applyAll(delivered, true);

        assertThat(actual.order().status()).isEqualTo(expected.order().status());
        assertThat(actual.order().shipment()).isEqualTo(expected.order().shipment());
        assertThat(actual.order().version()).isEqualTo(expected.order().version());
        assertThat(actual.timeline()).isEqualTo(expected.timeline());
    }

    @Property(tries = 300)
    void applying_an_event_twice_changes_nothing_but_the_version(
            @ForAll("shipmentEvents") List<TrackingEvent> events,
            @ForAll @IntRange(min = 1, max = 15) int duplicates,
            @ForAll long seed) {
        List<TrackingEvent> delivered = shuffledWithDuplicates(events, duplicates, new Random(seed));

        Result withoutDedup = applyAll(delivered, false);
        Result withDedup = applyAll(delivered, true);

        assertThat(withoutDedup.order().status()).isEqualTo(withDedup.order().status());
        assertThat(withoutDedup.order().shipment()).isEqualTo(withDedup.order().shipment());
        assertThat(withoutDedup.timeline()).isEqualTo(withDedup.timeline());
    }

    @Property(tries = 300)
    void the_order_never_moves_backwards_and_terminal_shipments_stay_terminal(
            @ForAll("shipmentEvents") List<TrackingEvent> events, @ForAll long seed) {
        List<TrackingEvent> delivered = shuffledWithDuplicates(events, 5, new Random(seed));
        Order order = Shipments.shippedOrder();
        for (TrackingEvent event : delivered) {
            Order next = ShipmentProgress.apply(order, event, Shipments.NOW).order();
            assertThat(next.status().ordinal()).isGreaterThanOrEqualTo(order.status().ordinal());
            ShipmentStatus before = order.shipment().status();
            if (before == ShipmentStatus.DELIVERED) {
                assertThat(next.shipment().status()).isEqualTo(ShipmentStatus.DELIVERED);
            }
            if (before == ShipmentStatus.RETURNED_TO_SENDER) {
                assertThat(next.shipment().status()).isIn(ShipmentStatus.RETURNED_TO_SENDER, ShipmentStatus.DELIVERED);
            }
            order = next;
        }
    }

    static List<TrackingEvent> shuffledWithDuplicates(List<TrackingEvent> events, int duplicates, Random random) {
        List<TrackingEvent> delivered = new ArrayList<>(events);
        for (int i = 0; i < duplicates; i++) {
            delivered.add(events.get(random.nextInt(events.size())));
        }
        Collections.shuffle(delivered, random);
        return delivered;
    }

    @Provide
    Arbitrary<List<TrackingEvent>> shipmentEvents() {
        Arbitrary<ShipmentStatus> status = Arbitraries.of(ShipmentStatus.class);
        // Minutes after shipping; collisions are allowed on purpose (the event id breaks ties).
        Arbitrary<Integer> minute = Arbitraries.integers().between(0, 7 * 24 * 60);
        Arbitrary<Integer> etaDays = Arbitraries.integers().between(1, 10).injectNull(0.6);
        return Combinators.combine(status, minute, etaDays).as(Step::new).list().ofMinSize(1).ofMaxSize(12)
                .map(steps -> {
                    List<TrackingEvent> events = new ArrayList<>();
                    for (int i = 0; i < steps.size(); i++) {
                        Step step = steps.get(i);
                        Instant at = Shipments.SHIPPED_AT.plus(Duration.ofMinutes(step.minute()));
                        Instant eta = step.etaDays() == null ? null : at.plus(Duration.ofDays(step.etaDays()));
                        events.add(Shipments.event("e" + i, step.status(), at, eta));
                    }
                    return events;
                });
    }

    record Step(ShipmentStatus status, int minute, Integer etaDays) {
    }
}

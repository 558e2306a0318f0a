package com.ordertracking.shared.domain.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ordertracking.shared.adapters.persistence.TableKeys;
import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.wiring.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DelayRulesTest {
    private static final DelayRules RULES = DelayRules.DEFAULT;
    /** Shipments.shippedOrder(): shipped 2026-11-20T09:00Z, seller's estimate 2026-11-25T18:00Z, no scan yet. */
    private static final Instant ETA = Instant.parse("2026-11-25T18:00:00Z");
    private static final Instant SILENT_UNTIL = Shipments.SHIPPED_AT.plus(Duration.ofHours(72));

    private static Order withEta(Order order, Instant eta) {
        Shipment s = order.shipment();
        return order.replacingDelay(order.delay()).withShipment(new Shipment(s.carrier(), s.trackingNumber(), s.status(),
                eta, s.shippedAt(), s.lastEventAt(), s.deliveredAt(), s.progress(), s.latest(), s.etaSource()),
                order.updatedAt());
    }

    @Test
    void a_fresh_shipment_is_due_at_the_earlier_of_its_estimate_and_the_silence_limit() {
        // GIVEN a shipment whose estimate (5 days out) is later than shipping + 72 h
        Order order = Shipments.shippedOrder();
        // THEN it is due when the carrier has been silent for 72 h
        assertThat(RULES.dueAt(order)).contains(SILENT_UNTIL);
        // and with an estimate before that, at the estimate
        Instant early = Shipments.SHIPPED_AT.plus(Duration.ofHours(30));
        assertThat(RULES.dueAt(withEta(order, early))).contains(early);
        // and without an estimate, at the silence limit
        assertThat(RULES.dueAt(withEta(order, null))).contains(SILENT_UNTIL);
    }

    @Test
    void a_carrier_scan_restarts_the_silence_clock() {
        // GIVEN a scan three days after shipping
        Order order = ShipmentProgress.apply(Shipments.shippedOrder(),
                Shipments.event("e1", ShipmentStatus.IN_TRANSIT, "2026-11-23T09:00:00Z"), Shipments.NOW).order();
        // THEN silence counts from that scan (72 h later is after the estimate, so the estimate is due first)
        assertThat(RULES.silenceTrigger(order)).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(RULES.dueAt(order)).contains(ETA);
    }

    @Test
    void check_flags_a_missed_estimate_before_silence_and_nothing_on_time() {
        Order order = withEta(Shipments.shippedOrder(), Shipments.SHIPPED_AT.plus(Duration.ofHours(80)));
        // WHEN checked before either trigger THEN nothing
        assertThat(RULES.check(order, SILENT_UNTIL.minusMillis(1))).isEmpty();
        // WHEN silent for 72 h, the estimate still ahead THEN NO_CARRIER_UPDATE, expecting the estimate
        assertThat(RULES.check(order, SILENT_UNTIL)).contains(
                new Delay(Delay.Reason.NO_CARRIER_UPDATE, SILENT_UNTIL, order.shipment().estimatedDelivery()));
        // WHEN both have passed THEN the missed estimate is the reason, with no expectation left
        Instant late = Shipments.SHIPPED_AT.plus(Duration.ofHours(90));
        assertThat(RULES.check(order, late)).contains(new Delay(Delay.Reason.PAST_ESTIMATED_DELIVERY, late, null));
    }

    @Test
    void flagging_moves_the_due_time_on_so_a_delay_is_flagged_once() {
        // GIVEN an order flagged for its missed estimate
        Order order = Shipments.shippedOrder();
        Instant detected = ETA.plus(Duration.ofMinutes(7));
        Delay delay = RULES.check(order, detected).orElseThrow();
        Order flagged = order.withDelay(delay, detected);
        // THEN later checks find nothing new and it leaves the index (both triggers are covered)
        assertThat(RULES.check(flagged, detected.plus(Duration.ofDays(30)))).isEmpty();
        assertThat(RULES.dueAt(flagged)).isEmpty();
        // WHEN the carrier scans again later THEN the silence rule watches again from that scan
        Order scanned = ShipmentProgress.apply(flagged,
                Shipments.event("e2", ShipmentStatus.IN_TRANSIT, "2026-11-27T00:00:00Z"), Shipments.NOW).order();
        assertThat(RULES.dueAt(scanned)).contains(Instant.parse("2026-11-30T00:00:00Z"));
    }

    @Test
    void delivered_cancelled_and_returned_orders_are_not_watched() {
        Order delivered = ShipmentProgress.apply(Shipments.shippedOrder(),
                Shipments.event("d", ShipmentStatus.DELIVERED, "2026-11-24T10:00:00Z"), Shipments.NOW).order();
        Order returned = ShipmentProgress.apply(Shipments.shippedOrder(),
                Shipments.event("r", ShipmentStatus.RETURNED_TO_SENDER, "2026-11-24T10:00:00Z"), Shipments.NOW).order();
        Order placed = Order.placed("o", "s", null, java.util.List.of(), null, "USD", null, null, Shipments.NOW);
        for (Order order : new Order[] {delivered, returned, placed}) {
            assertThat(RULES.dueAt(order)).isEmpty();
            assertThat(RULES.check(order, Shipments.NOW.plus(Duration.ofDays(365)))).isEmpty();
        }
    }

    @Test
    void delivery_clears_the_flag_in_the_same_version() {
        Order flagged = Shipments.shippedOrder().withDelay(
                new Delay(Delay.Reason.PAST_ESTIMATED_DELIVERY, ETA.plusSeconds(60), null), ETA.plusSeconds(60));
        Order delivered = ShipmentProgress.apply(flagged,
                Shipments.event("d", ShipmentStatus.DELIVERED, "2026-11-26T10:00:00Z"), Shipments.NOW).order();
        DelayRules.Revised revised = RULES.afterTrackingUpdate(flagged, delivered, Shipments.NOW);
        assertThat(revised.order().delay()).isNull();
        assertThat(revised.order().version()).isEqualTo(flagged.version() + 1);
        assertThat(revised.entries()).isEmpty();
    }

    @Test
    void a_new_estimate_while_flagged_revises_expected_by_and_is_watched_again() {
        Instant detected = ETA.plusSeconds(60);
        Order flagged = Shipments.shippedOrder().withDelay(
                new Delay(Delay.Reason.PAST_ESTIMATED_DELIVERY, detected, null), detected);
        Instant newEta = Instant.parse("2026-11-28T12:00:00Z");
        Order scanned = ShipmentProgress.apply(flagged, Shipments.event("e", ShipmentStatus.IN_TRANSIT,
                Instant.parse("2026-11-26T08:00:00Z"), newEta), Shipments.NOW).order();
        DelayRules.Revised revised = RULES.afterTrackingUpdate(flagged, scanned, Shipments.NOW);
        // THEN same reason and detection, new expectation, no new timeline entry (no new flag)
        assertThat(revised.order().delay())
                .isEqualTo(new Delay(Delay.Reason.PAST_ESTIMATED_DELIVERY, detected, newEta));
        assertThat(revised.entries()).isEmpty();
        // and missing the revised estimate is due (a new delay) at that estimate
        assertThat(RULES.dueAt(revised.order())).contains(newEta);
    }

    @Test
    void an_estimate_pushed_back_more_than_a_day_is_flagged_with_a_delay_entry() {
        Order order = Shipments.shippedOrder();
        Instant now = Instant.parse("2026-11-23T00:00:00Z");
        // WHEN the carrier moves the estimate 30 hours later
        Instant later = ETA.plus(Duration.ofHours(30));
        Order scanned = ShipmentProgress.apply(order, Shipments.event("e", ShipmentStatus.IN_TRANSIT,
                Instant.parse("2026-11-22T20:00:00Z"), later), now).order();
        DelayRules.Revised revised = RULES.afterTrackingUpdate(order, scanned, now);
        // THEN flagged ESTIMATE_PUSHED_BACK, expecting the new estimate, one DELAY entry
        assertThat(revised.order().delay()).isEqualTo(new Delay(Delay.Reason.ESTIMATE_PUSHED_BACK, now, later));
        assertThat(revised.order().version()).isEqualTo(scanned.version());
        assertThat(revised.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(TimelineEntry.Kind.DELAY);
            assertThat(entry.description()).contains(ETA.toString()).contains(later.toString());
        });
        // WHEN moved only 23 hours later THEN no flag
        Order slightly = ShipmentProgress.apply(order, Shipments.event("e", ShipmentStatus.IN_TRANSIT,
                Instant.parse("2026-11-22T20:00:00Z"), ETA.plus(Duration.ofHours(23))), now).order();
        assertThat(RULES.afterTrackingUpdate(order, slightly, now).order().delay()).isNull();
    }

    @Test
    void the_silence_limit_comes_from_the_environment_and_must_be_positive() {
        assertThat(DelayRules.from(Map.of()).silenceLimit()).isEqualTo(Duration.ofHours(72));
        assertThat(DelayRules.from(Map.of("CARRIER_SILENCE_HOURS", "24")).silenceLimit())
                .isEqualTo(Duration.ofHours(24));
        assertThatThrownBy(() -> DelayRules.from(Map.of("CARRIER_SILENCE_HOURS", "0")))
                .hasMessageContaining("CARRIER_SILENCE_HOURS");
        assertThatThrownBy(() -> DelayRules.from(Map.of("CARRIER_SILENCE_HOURS", "three")))
                .hasMessageContaining("CARRIER_SILENCE_HOURS");
    }

    @Test
    void due_keys_sort_by_time_and_spread_over_every_shard() {
        assertThat(TableKeys.dueSortKey(Instant.parse("2026-01-02T00:00:00Z"), "ord_z"))
                .isLessThan(TableKeys.dueSortKey(Instant.parse("2026-01-10T00:00:00Z"), "ord_a"));
        assertThat(IntStream.range(0, 200).map(i -> TableKeys.dueShard("ord_" + i)).distinct().sorted().toArray())
                .containsExactly(IntStream.range(0, TableKeys.DUE_SHARDS).toArray());
    }
}

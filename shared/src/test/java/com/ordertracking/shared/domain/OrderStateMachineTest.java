package com.ordertracking.shared.domain;

import static com.ordertracking.shared.domain.OrderStatus.CANCELLED;
import static com.ordertracking.shared.domain.OrderStatus.DELIVERED;
import static com.ordertracking.shared.domain.OrderStatus.IN_TRANSIT;
import static com.ordertracking.shared.domain.OrderStatus.OUT_FOR_DELIVERY;
import static com.ordertracking.shared.domain.OrderStatus.PARTIALLY_SHIPPED;
import static com.ordertracking.shared.domain.OrderStatus.PENDING;
import static com.ordertracking.shared.domain.OrderStatus.PROCESSED;
import static com.ordertracking.shared.domain.OrderStatus.REFUNDED;
import static com.ordertracking.shared.domain.OrderStatus.RETURNED;
import static com.ordertracking.shared.domain.OrderStatus.RETURN_APPROVED;
import static com.ordertracking.shared.domain.OrderStatus.RETURN_REJECTED;
import static com.ordertracking.shared.domain.OrderStatus.RETURN_REQUESTED;
import static com.ordertracking.shared.domain.OrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lifecycle, written out independently of {@link OrderStateMachine} from its documentation:
 * <pre>
 * PENDING → PROCESSED → [PARTIALLY_SHIPPED →] SHIPPED → IN_TRANSIT → OUT_FOR_DELIVERY → DELIVERED
 * PENDING | PROCESSED → CANCELLED → REFUNDED (nothing cancels once a package shipped)
 * DELIVERED → RETURN_REQUESTED → RETURN_APPROVED | RETURN_REJECTED; RETURN_APPROVED → RETURNED → REFUNDED
 * </pre>
 * plus "a shipment may jump forward (SHIPPED → DELIVERED) but never back".
 */
class OrderStateMachineTest {

    /** Expected legal moves, one entry per status (so a forgotten status fails the table test). */
    static final Map<OrderStatus, Set<OrderStatus>> EXPECTED_NEXT = expectedNext();

    private static Map<OrderStatus, Set<OrderStatus>> expectedNext() {
        Map<OrderStatus, Set<OrderStatus>> next = new EnumMap<>(OrderStatus.class);
        next.put(PENDING, EnumSet.of(PROCESSED, CANCELLED));
        next.put(PROCESSED, EnumSet.of(PARTIALLY_SHIPPED, SHIPPED, CANCELLED));
        next.put(PARTIALLY_SHIPPED, EnumSet.of(SHIPPED));
        // carrier scans may be skipped: forward jumps inside the shipment leg are legal
        next.put(SHIPPED, EnumSet.of(IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED));
        next.put(IN_TRANSIT, EnumSet.of(OUT_FOR_DELIVERY, DELIVERED));
        next.put(OUT_FOR_DELIVERY, EnumSet.of(DELIVERED));
        next.put(DELIVERED, EnumSet.of(RETURN_REQUESTED));
        next.put(CANCELLED, EnumSet.of(REFUNDED));
        next.put(RETURN_REQUESTED, EnumSet.of(RETURN_APPROVED, RETURN_REJECTED));
        next.put(RETURN_APPROVED, EnumSet.of(RETURNED));
        next.put(RETURN_REJECTED, EnumSet.noneOf(OrderStatus.class));
        next.put(RETURNED, EnumSet.of(REFUNDED));
        next.put(REFUNDED, EnumSet.noneOf(OrderStatus.class));
        return next;
    }

    static Stream<Arguments> allPairsOfStatuses() {
        return Arrays.stream(OrderStatus.values())
                .flatMap(from -> Arrays.stream(OrderStatus.values())
                        .map(to -> Arguments.of(from, to, EXPECTED_NEXT.get(from).contains(to))));
    }

    @Test
    void expected_table_covers_every_status() {
        assertThat(EXPECTED_NEXT.keySet()).containsExactlyInAnyOrder(OrderStatus.values());
    }

    @ParameterizedTest(name = "{0} -> {1} legal={2}")
    @MethodSource("allPairsOfStatuses")
    void can_transition_matches_the_documented_lifecycle_for_every_pair_of_statuses(OrderStatus from, OrderStatus to,
            boolean expectedLegal) {
        // GIVEN a pair of statuses WHEN asking whether the move is legal THEN the answer matches the table
        assertThat(OrderStateMachine.canTransition(from, to))
                .as("%s -> %s", from, to)
                .isEqualTo(expectedLegal);
    }

    @ParameterizedTest(name = "{0} -> {1} legal={2}")
    @MethodSource("allPairsOfStatuses")
    void transition_returns_the_target_for_legal_moves_and_throws_for_illegal_ones(OrderStatus from, OrderStatus to,
            boolean expectedLegal) {
        if (expectedLegal) {
            // WHEN the move is legal THEN the new status is returned
            assertThat(OrderStateMachine.transition(from, to)).isEqualTo(to);
        } else {
            // WHEN the move is illegal THEN IllegalTransitionException names both statuses
            assertThatThrownBy(() -> OrderStateMachine.transition(from, to))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.from()).isEqualTo(from);
                        assertThat(e.to()).isEqualTo(to);
                        assertThat(e.getMessage()).contains(from.name()).contains(to.name());
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void next_statuses_is_exactly_the_documented_set_of_successors(OrderStatus from) {
        assertThat(OrderStateMachine.nextStatuses(from)).isEqualTo(EXPECTED_NEXT.get(from));
    }

    @Test
    void next_statuses_returns_a_copy_that_cannot_corrupt_the_rules() {
        // GIVEN the successors of PENDING, WHEN a caller mutates the returned set
        Set<OrderStatus> next = OrderStateMachine.nextStatuses(PENDING);
        next.add(REFUNDED);
        next.remove(PROCESSED);
        // THEN the machine's own rules are unchanged
        assertThat(OrderStateMachine.canTransition(PENDING, REFUNDED)).isFalse();
        assertThat(OrderStateMachine.canTransition(PENDING, PROCESSED)).isTrue();
    }

    @Test
    void exactly_return_rejected_and_refunded_are_terminal() {
        Set<OrderStatus> terminal = EnumSet.noneOf(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            if (OrderStateMachine.isTerminal(status)) {
                terminal.add(status);
            }
        }
        assertThat(terminal).containsExactlyInAnyOrder(RETURN_REJECTED, REFUNDED);
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void no_status_may_transition_to_itself(OrderStatus status) {
        assertThat(OrderStateMachine.canTransition(status, status)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void no_status_may_ever_go_back_to_pending(OrderStatus status) {
        assertThat(OrderStateMachine.canTransition(status, PENDING)).isFalse();
    }

    @Test
    void illegal_transition_message_explains_the_rejected_move() {
        // GIVEN a delivered order WHEN someone tries to cancel it THEN the message says what happened
        assertThatThrownBy(() -> OrderStateMachine.transition(DELIVERED, CANCELLED))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("An order in status DELIVERED cannot move to CANCELLED");
    }

    @Test
    void every_status_is_reachable_from_pending() {
        assertThat(reachableFrom(PENDING)).containsExactlyInAnyOrder(OrderStatus.values());
    }

    @Test
    void from_cancelled_only_refunded_is_reachable() {
        assertThat(reachableFrom(CANCELLED)).containsExactlyInAnyOrder(CANCELLED, REFUNDED);
    }

    @Test
    @DisplayName("Once shipped, an order can neither be cancelled nor un-shipped")
    void shipped_or_later_statuses_cannot_reach_cancelled_or_pre_shipment_statuses() {
        for (OrderStatus status : OrderStatus.values()) {
            if (status.isShippedOrLater()) {
                assertThat(reachableFrom(status)).as("reachable from %s", status)
                        .doesNotContain(PENDING, PROCESSED, CANCELLED);
            }
        }
    }

    @Test
    void order_with_status_applies_legal_move_and_bumps_version() {
        // GIVEN a pending order at version 1
        Instant created = Instant.parse("2025-01-01T00:00:00Z");
        Instant later = created.plusSeconds(60);
        Order order = new Order("ord_1", "seller-1", null, List.of(), null, "USD", null, null, PENDING, 1,
                created, created, null, null, null, null, null, null, List.of());
        // WHEN it is processed
        Order processed = order.withStatus(PROCESSED, later);
        // THEN status, version and updatedAt move on; createdAt stays
        assertThat(processed.status()).isEqualTo(PROCESSED);
        assertThat(processed.version()).isEqualTo(2);
        assertThat(processed.updatedAt()).isEqualTo(later);
        assertThat(processed.createdAt()).isEqualTo(created);
        // AND an illegal move from the processed order is refused
        assertThatThrownBy(() -> processed.withStatus(DELIVERED, later))
                .isInstanceOf(IllegalTransitionException.class);
    }

    /** Every status reachable from {@code start} by following the machine under test. */
    private static Set<OrderStatus> reachableFrom(OrderStatus start) {
        Set<OrderStatus> seen = EnumSet.of(start);
        Deque<OrderStatus> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            for (OrderStatus next : OrderStateMachine.nextStatuses(todo.pop())) {
                if (seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        return seen;
    }
}

package com.ordertracking.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of random walks through the lifecycle, each step a legal transition. */
class OrderStateMachinePropertiesTest {

    @Provide
    Arbitrary<List<Integer>> choices() {
        // each number picks one of the legal successors (modulo their count) at one step
        return Arbitraries.integers().between(0, 1_000).list().ofMinSize(0).ofMaxSize(30);
    }

    @Property(tries = 500)
    @Label("no sequence of legal transitions ever returns to PENDING")
    void legal_walks_never_return_to_pending(@ForAll OrderStatus start, @ForAll("choices") List<Integer> choices) {
        // GIVEN any start status WHEN we follow legal transitions
        List<OrderStatus> walk = walk(start, choices);
        // THEN PENDING never appears after the start
        assertThat(walk.subList(1, walk.size())).doesNotContain(OrderStatus.PENDING);
    }

    @Property(tries = 300)
    @Label("from CANCELLED, nothing but REFUNDED is reachable")
    void from_cancelled_only_refunded_is_reachable(@ForAll("choices") List<Integer> choices) {
        List<OrderStatus> walk = walk(OrderStatus.CANCELLED, choices);
        assertThat(walk.subList(1, walk.size())).isSubsetOf(OrderStatus.REFUNDED);
        assertThat(walk.size()).isLessThanOrEqualTo(2);
    }

    @Property(tries = 300)
    @Label("every step of a walk is accepted by transition() and the walk ends in a terminal state or runs out of choices")
    void every_step_of_a_walk_is_accepted_by_transition(@ForAll OrderStatus start,
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 1000) Integer> choices) {
        List<OrderStatus> walk = walk(start, choices);
        for (int i = 1; i < walk.size(); i++) {
            assertThat(OrderStateMachine.transition(walk.get(i - 1), walk.get(i))).isEqualTo(walk.get(i));
        }
        OrderStatus last = walk.getLast();
        assertThat(OrderStateMachine.isTerminal(last) || walk.size() == choices.size() + 1).isTrue();
    }

    /** The lifecycle has no cycles, so a walk cannot be longer than the number of statuses. */
    @Property(tries = 300)
    void walks_are_shorter_than_the_number_of_statuses(@ForAll OrderStatus start, @ForAll("choices") List<Integer> choices) {
        assertThat(walk(start, choices)).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(OrderStatus.values().length);
    }

    private static List<OrderStatus> walk(OrderStatus start, List<Integer> choices) {
        List<OrderStatus> walk = new ArrayList<>(List.of(start));
        OrderStatus current = start;
        for (int choice : choices) {
            List<OrderStatus> next = new ArrayList<>(OrderStateMachine.nextStatuses(current));
            if (next.isEmpty()) {
                break;
            }
            current = next.get(choice % next.size());
            walk.add(current);
        }
        return walk;
    }
}

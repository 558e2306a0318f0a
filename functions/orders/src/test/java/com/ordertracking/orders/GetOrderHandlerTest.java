package com.ordertracking.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GetOrderHandlerTest {

    @Test
    void if_none_match_compares_weakly_over_a_list_of_tags() {
        assertThat(GetOrderHandler.matchesWeakly("\"3\"", "\"3\"")).isTrue();
        assertThat(GetOrderHandler.matchesWeakly("W/\"3\"", "\"3\"")).isTrue();
        assertThat(GetOrderHandler.matchesWeakly("\"1\", \"3\"", "\"3\"")).isTrue();
        assertThat(GetOrderHandler.matchesWeakly("*", "\"3\"")).isTrue();
        assertThat(GetOrderHandler.matchesWeakly("\"2\"", "\"3\"")).isFalse();
        assertThat(GetOrderHandler.matchesWeakly("3", "\"3\"")).isFalse();
    }
}

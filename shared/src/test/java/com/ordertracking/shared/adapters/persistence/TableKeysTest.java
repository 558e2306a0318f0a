package com.ordertracking.shared.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableKeysTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2025-03-01T12:34:56Z,            2025-03-01T12:34:56.000Z",
            "2025-03-01T12:34:56.7Z,          2025-03-01T12:34:56.700Z",
            "2025-03-01T12:34:56.123999999Z,  2025-03-01T12:34:56.123Z", // truncated, not rounded
            "1970-01-01T00:00:00Z,            1970-01-01T00:00:00.000Z",
            "0999-12-31T23:59:59.999Z,        0999-12-31T23:59:59.999Z",
            "9999-12-31T23:59:59.999Z,        9999-12-31T23:59:59.999Z",
    })
    void sortable_time_is_fixed_width_utc_with_milliseconds(String instant, String expected) {
        assertThat(TableKeys.sortableTime(Instant.parse(instant))).isEqualTo(expected).hasSize(24);
    }

    @Test
    void created_sort_key_is_time_then_order_id() {
        assertThat(TableKeys.createdSortKey(Instant.parse("2025-03-01T12:00:00Z"), "ord_1"))
                .isEqualTo("2025-03-01T12:00:00.000Z#ord_1");
    }

    @Test
    void partition_keys_are_prefixed_by_entity() {
        assertThat(TableKeys.orderPk("ord_1")).isEqualTo("ORDER#ord_1");
        assertThat(TableKeys.sellerPk("s1")).isEqualTo("SELLER#s1");
        assertThat(TableKeys.sellerStatusPk("s1", "SHIPPED")).isEqualTo("SELLER#s1#STATUS#SHIPPED");
        assertThat(TableKeys.buyerPk("b1")).isEqualTo("BUYER#b1");
        assertThat(TableKeys.idempotencyPk("s1", "key-1")).isEqualTo("IDEMPOTENCY#s1#key-1");
    }
}

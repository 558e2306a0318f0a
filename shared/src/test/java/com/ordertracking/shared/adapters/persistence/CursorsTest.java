package com.ordertracking.shared.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ordertracking.shared.application.order.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorsTest {
    private static final Set<String> KEYS = Set.of("pk", "sk", "gsi1pk", "gsi1sk");
    private static final Map<String, AttributeValue> KEY = Map.of(
            "pk", AttributeValue.fromS("ORDER#ord_1"), "sk", AttributeValue.fromS("ORDER"),
            "gsi1pk", AttributeValue.fromS("SELLER#s"), "gsi1sk", AttributeValue.fromS("2026-11-23T12:00:00.000Z#ord_1"));

    @Test
    void a_cursor_round_trips_and_is_url_safe() {
        String cursor = Cursors.encode(KEY);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(Cursors.decode(cursor, KEYS)).isEqualTo(KEY);
    }

    @Test
    void malformed_or_reshaped_cursors_are_refused() {
        String otherIndex = Cursors.encode(Map.of("pk", KEY.get("pk"), "sk", KEY.get("sk"),
                "gsi2pk", KEY.get("gsi1pk"), "gsi2sk", KEY.get("gsi1sk")));
        String numbers = Base64.getUrlEncoder().encodeToString(
                "{\"pk\":1,\"sk\":2,\"gsi1pk\":3,\"gsi1sk\":4}".getBytes(StandardCharsets.UTF_8));

        for (String bad : new String[] {"!!!", "bm90IGpzb24", otherIndex, numbers, "x".repeat(3000)}) {
            assertThatThrownBy(() -> Cursors.decode(bad, KEYS)).as(bad).isInstanceOf(InvalidCursorException.class);
        }
    }
}

package com.ordertracking.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.domain.event.OrderEvent;
import com.ordertracking.shared.domain.event.OrderEventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/events.md's JSON examples are real events: strict parse, matching ids, every type shown. */
class EventsDocumentationTest {
    private static final Path DOC = LocalCloud.findTemplate().resolveSibling("docs/events.md");
    /** Strict: a field the model does not have means the document drifted. */
    private static final ObjectMapper STRICT = Json.MAPPER.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static List<String> jsonBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void every_example_parses_into_the_event_model_and_every_type_is_shown() throws IOException {
        List<String> blocks = jsonBlocks(Files.readString(DOC));

        List<OrderEvent> events = new ArrayList<>();
        for (String block : blocks) {
            events.add(STRICT.readValue(block, OrderEvent.class));
        }

        assertThat(events).extracting(OrderEvent::eventType).containsExactlyInAnyOrder(OrderEventType.values());
        events.forEach(e -> {
            assertThat(e.schemaVersion()).isEqualTo(OrderEvent.SCHEMA_VERSION);
            // A package's event names the package (issue 11), the others are one per order version and type.
            assertThat(e.eventId()).isEqualTo(e.eventType() == OrderEventType.PackageUpdated
                    ? OrderEvent.eventId(e.orderId(), e.orderVersion(), e.eventType(), e.pkg().packageId())
                    : OrderEvent.eventId(e.orderId(), e.orderVersion(), e.eventType()));
            assertThat(e.status()).isNotNull();
        });
    }

    @Test
    void a_drifted_example_is_caught() {
        String drifted = "{\"schemaVersion\": 1, \"eventType\": \"OrderCreated\", \"colour\": \"blue\"}";

        assertThat(org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> STRICT.readValue(drifted, OrderEvent.class))).isNotNull();
        assertThat(jsonBlocks("text\n```json\n{}\n```\nmore")).containsExactly("{}\n");
    }
}

package com.ordertracking.sellerwebhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.shared.adapters.messaging.sellerwebhook.WebhookEventBodies;
import com.ordertracking.shared.domain.sellerwebhook.WebhookEvent;
import com.ordertracking.shared.domain.sellerwebhook.WebhookEventType;
import com.ordertracking.shared.adapters.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/seller-webhooks.md shows, for every event type, exactly the body the code renders from that event. */
class SellerWebhooksDocumentationTest {
    private static final Path DOC = LocalCloud.findTemplate().resolveSibling("docs/seller-webhooks.md");

    @Test
    void every_payload_example_is_what_the_dispatcher_renders_and_every_type_is_shown() throws IOException {
        List<String> shown = new ArrayList<>();
        Matcher blocks = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        while (blocks.find()) {
            JsonNode example = Json.parse(blocks.group(1));
            WebhookEvent rendered = WebhookEventBodies.read(Json.write(example.get("data"))).orElseThrow();

            assertThat(Json.parse(rendered.body())).isEqualTo(example);
            shown.add(rendered.type().wireName());
        }

        assertThat(shown).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName).toList());
    }
}

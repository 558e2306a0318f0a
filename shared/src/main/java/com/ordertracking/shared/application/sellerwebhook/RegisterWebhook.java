package com.ordertracking.shared.application.sellerwebhook;

import java.util.List;

/** {@code POST /seller/webhooks}: where to send, which event types ({@code ["*"]} = all), and a note. */
public record RegisterWebhook(String url, List<String> events, String description) {
    public RegisterWebhook {
        events = List.copyOf(events);
    }
}

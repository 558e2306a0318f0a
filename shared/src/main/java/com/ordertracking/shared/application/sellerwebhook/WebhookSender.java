package com.ordertracking.shared.application.sellerwebhook;

import com.ordertracking.shared.domain.sellerwebhook.AttemptOutcome;
import java.net.URI;
import java.util.Map;

/** Makes one HTTP POST to a receiver and says how it went; never throws for the receiver's failures. */
public interface WebhookSender {
    AttemptOutcome post(URI url, Map<String, String> headers, String body);
}

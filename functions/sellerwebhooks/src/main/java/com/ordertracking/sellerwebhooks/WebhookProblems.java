package com.ordertracking.sellerwebhooks;

import com.ordertracking.shared.adapters.http.Problem;
import com.ordertracking.shared.adapters.http.ProblemException;

/** The 404s of the webhook routes: the same answer whether the id is unknown or another seller's. */
final class WebhookProblems {
    private WebhookProblems() {
    }

    static ProblemException notFound(String webhookId) {
        return new ProblemException(Problem.notFound("No webhook " + webhookId));
    }

    static ProblemException deliveryNotFound(String webhookId, String deliveryId) {
        return new ProblemException(Problem.notFound("No delivery " + deliveryId + " of webhook " + webhookId));
    }
}

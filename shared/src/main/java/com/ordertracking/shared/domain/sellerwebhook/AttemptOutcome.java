package com.ordertracking.shared.domain.sellerwebhook;

/**
 * What one delivery attempt came to. Only a 2xx is a delivery; {@code 410 Gone} means the receiver wants
 * nothing more (the endpoint is disabled); everything else — other statuses, redirects (not followed),
 * timeouts, connection errors, a refused address — is retried on the schedule.
 */
public sealed interface AttemptOutcome {

    /** How an {@link Unreachable} for an address we refuse to call begins (not a sign of the receiver's health). */
    String URL_REFUSED = "URL refused: ";

    /** The receiver's HTTP status, when it answered at all. */
    Integer statusCode();

    /** Short text for the delivery log. */
    String description();

    record Delivered(int status) implements AttemptOutcome {
        public Integer statusCode() {
            return status;
        }

        public String description() {
            return "HTTP " + status;
        }
    }

    record Gone() implements AttemptOutcome {
        public Integer statusCode() {
            return 410;
        }

        public String description() {
            return "HTTP 410 Gone: endpoint disabled";
        }
    }

    record Rejected(int status) implements AttemptOutcome {
        public Integer statusCode() {
            return status;
        }

        public String description() {
            return "HTTP " + status;
        }
    }

    /** No HTTP answer: timeout, connection refused, TLS failure, or an address we refuse to call. */
    record Unreachable(String reason) implements AttemptOutcome {
        public Integer statusCode() {
            return null;
        }

        public String description() {
            return reason;
        }
    }

    static AttemptOutcome ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return new Delivered(status);
        }
        return status == 410 ? new Gone() : new Rejected(status);
    }
}

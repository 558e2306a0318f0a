package com.ordertracking.shared.application.tracking;

/**
 * The tracking-events queue did not durably accept every event even after retries. The caller must not report
 * success: a webhook answers 503 so the sender retries (re-sending what was queued is harmless, the processor
 * drops duplicates by event id).
 */
public final class EnqueueFailedException extends RuntimeException {
    public EnqueueFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

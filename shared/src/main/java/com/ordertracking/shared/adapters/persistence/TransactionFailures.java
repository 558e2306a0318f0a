package com.ordertracking.shared.adapters.persistence;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Why DynamoDB cancelled a transaction: its cancellation reasons are positional (one per item, in the
 * order written), so callers ask about the item they care about by index.
 */
final class TransactionFailures {
    private TransactionFailures() {
    }

    /** Whether the condition of the item at {@code index} failed (a negative index: no such item). */
    static boolean conditionFailed(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return index >= 0 && index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** Whether another transaction on the same items was in flight (worth a retry). */
    static boolean conflictsWithAnotherTransaction(TransactionCanceledException e) {
        return e.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
    }
}

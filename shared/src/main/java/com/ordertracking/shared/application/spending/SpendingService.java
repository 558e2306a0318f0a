package com.ordertracking.shared.application.spending;

import com.ordertracking.shared.domain.spending.SpendingPeriod;
import com.ordertracking.shared.domain.spending.SpendingReport;

/** {@code GET /me/spending}: the buyer's totals for a period, from the maintained entries (no Scan). */
public final class SpendingService {
    private final SpendingEntries entries;

    public SpendingService(SpendingEntries entries) {
        this.entries = entries;
    }

    public SpendingReport report(String buyerId, SpendingPeriod period) {
        return SpendingReport.of(period, entries.of(buyerId, period));
    }
}

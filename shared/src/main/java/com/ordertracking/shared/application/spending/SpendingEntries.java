package com.ordertracking.shared.application.spending;

import com.ordertracking.shared.domain.spending.SpendingEntry;
import com.ordertracking.shared.domain.spending.SpendingPeriod;
import java.util.List;

/** The stored spending entries of a buyer (one per order, kept in step with the order by its own writes). */
public interface SpendingEntries {

    /** The entries of orders the buyer placed on the days of {@code period}. */
    List<SpendingEntry> of(String buyerId, SpendingPeriod period);
}

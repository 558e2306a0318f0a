package com.ordertracking.shared.domain.tracking;

import java.util.Map;

/** How carriers are named to people (messages, the tracking page); slugs stay lowercase in data. */
public final class CarrierNames {
    private static final Map<String, String> NAMES = Map.of("ups", "UPS", "usps", "USPS", "fedex", "FedEx", "dhl", "DHL");

    private CarrierNames() {
    }

    /** The display name of a carrier slug; an unknown slug is shown as it is. */
    public static String displayName(String slug) {
        return slug == null ? "" : NAMES.getOrDefault(slug, slug);
    }
}

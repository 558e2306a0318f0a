package com.ordertracking.shared.domain.tracking;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** The carriers' own public tracking pages, for the carriers that have one we know (empty otherwise). */
public final class CarrierTrackingUrls {
    private static final Map<String, String> PAGES = Map.of(
            "ups", "https://www.ups.com/track?tracknum=",
            "usps", "https://tools.usps.com/go/TrackConfirmAction?tLabels=",
            "fedex", "https://www.fedex.com/fedextrack/?trknbr=",
            "dhl", "https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=");

    private CarrierTrackingUrls() {
    }

    public static Optional<String> of(String carrier, String trackingNumber) {
        return Optional.ofNullable(carrier == null ? null : PAGES.get(carrier))
                .map(page -> page + URLEncoder.encode(trackingNumber, StandardCharsets.UTF_8));
    }
}

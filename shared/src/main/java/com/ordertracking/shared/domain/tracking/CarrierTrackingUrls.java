package com.ordertracking.shared.domain.tracking;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** The carriers' own public tracking pages, for the carriers that have a stable link format. */
public final class CarrierTrackingUrls {
    private static final Map<String, String> PAGES = Map.of(
            "ups", "https://www.ups.com/track?tracknum=",
            "usps", "https://tools.usps.com/go/TrackConfirmAction?tLabels=",
            "fedex", "https://www.fedex.com/fedextrack/?trknbr=",
            "dhl", "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=");

    private CarrierTrackingUrls() {
    }

    /** The carrier's tracking page for a number; empty for carriers without a known page. */
    public static Optional<String> of(String carrier, String trackingNumber) {
        return Optional.ofNullable(PAGES.get(carrier))
                .map(page -> page + URLEncoder.encode(trackingNumber, StandardCharsets.UTF_8));
    }
}

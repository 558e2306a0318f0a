package com.ordertracking.trackingpage;

import static com.ordertracking.trackingpage.Html.escape;

import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.tracking.CarrierNames;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renders the public tracking page: server-side HTML, no scripts, inline CSS only (the CSP allows nothing
 * else). Anyone holding the link sees it, so it shows only what a parcel label shows: no buyer name, email
 * or phone, no street address (city and country only), no prices, and no free text people typed (a
 * cancellation or return reason): status changes are told in our own words, checkpoints in the carrier's.
 */
final class TrackingPage {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#f6f8fa}
            main{max-width:40rem;margin:0 auto;padding:1rem}
            h1{font-size:1.25rem;margin:.5rem 0}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
            .card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:1rem;margin:.75rem 0}
            .status{font-size:1.5rem;font-weight:600;margin:0}.sub{color:#59636e;margin:.25rem 0 0}
            .delay{background:#fff8c5;border-color:#d4a72c}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}dt{color:#59636e}dd{margin:0;overflow-wrap:anywhere}
            ol{list-style:none;margin:0;padding:0}li{border-left:3px solid #d0d7de;padding:0 0 1rem .75rem}
            li:first-child{border-left-color:#1f883d}time{display:block;color:#59636e;font-size:.875rem}
            .where{color:#59636e}li p{margin:.25rem 0 0}
            """;

    private TrackingPage() {
    }

    /** The page for an order and its timeline (oldest first, as stored). */
    static String render(Order order, List<TimelineEntry> timeline) {
        StringBuilder html = new StringBuilder(4096);
        head(html, "Order " + order.orderId() + " · Tracking");
        html.append("<h1>Order ").append(escape(order.orderId())).append("</h1>\n");

        Shipment shipment = order.shipment();
        html.append("<section class=\"card\" aria-label=\"Status\">\n<p class=\"status\">")
                .append(escape(orderWords(order.status()).title())).append("</p>\n");
        if (shipment != null && shipment.status() != null && isTrouble(shipment.status())) {
            html.append("<p class=\"sub\">").append(escape(shipmentWords(shipment.status()))).append("</p>\n");
        }
        html.append("</section>\n");

        if (order.delay() != null && !order.wasDelivered()) {
            delayNotice(html, order.delay());
        }

        html.append("<section class=\"card\" aria-label=\"Parcel\">\n<dl>\n");
        if (shipment != null) {
            row(html, "Carrier", CarrierNames.displayName(shipment.carrier()));
            row(html, "Tracking number", shipment.trackingNumber());
            if (shipment.deliveredAt() != null) {
                row(html, "Delivered", TIME.format(shipment.deliveredAt()));
            } else if (!order.wasDelivered()) {
                row(html, "Estimated delivery", shipment.estimatedDelivery() == null
                        ? "To be confirmed by the carrier" : DAY.format(shipment.estimatedDelivery()));
            }
        } else {
            row(html, "Carrier", "Not shipped yet");
        }
        String destination = destination(order.shippingAddress());
        if (!destination.isEmpty()) {
            row(html, "Shipping to", destination);
        }
        html.append("</dl>\n</section>\n");

        List<TimelineEntry> shown = newestFirst(timeline);
        if (!shown.isEmpty()) {
            html.append("<h2>History</h2>\n<ol class=\"card\">\n");
            shown.forEach(entry -> entry(html, entry));
            html.append("</ol>\n");
        }
        return foot(html);
    }

    /** The page for a token that is not genuine or names no order: says nothing about which. */
    static String notFound() {
        StringBuilder html = new StringBuilder(1024);
        head(html, "Tracking link not found");
        html.append("<h1>Tracking link not found</h1>\n<section class=\"card\"><p>This tracking link is not valid."
                + " Please open the link from your shipping message again, or contact the seller.</p></section>\n");
        return foot(html);
    }

    /** The page when something failed on our side; {@code errorId} is what the buyer can quote. */
    static String unavailable(String errorId) {
        StringBuilder html = new StringBuilder(1024);
        head(html, "Tracking unavailable");
        html.append("<h1>Tracking is unavailable right now</h1>\n<section class=\"card\"><p>Please try again in a few"
                + " minutes. Reference: <code>").append(escape(errorId)).append("</code></p></section>\n");
        return foot(html);
    }

    // ------------------------------------------------------------------ parts

    private static void head(StringBuilder html, String title) {
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
    }

    private static String foot(StringBuilder html) {
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<dt>").append(escape(label)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private static void delayNotice(StringBuilder html, Delay delay) {
        String why = switch (delay.reason()) {
            case PAST_ESTIMATED_DELIVERY -> "Your parcel has not arrived by its estimated delivery date.";
            case NO_CARRIER_UPDATE -> "The carrier has not updated this parcel for a while.";
            case ESTIMATE_PUSHED_BACK -> "The carrier has moved the delivery date back.";
        };
        String next = delay.expectedBy() == null ? "We're checking with the carrier."
                : "New estimate: " + DAY.format(delay.expectedBy()) + ".";
        html.append("<section class=\"card delay\" role=\"status\">\n<p><strong>Running late.</strong> ")
                .append(escape(why)).append(' ').append(escape(next)).append("</p>\n</section>\n");
    }

    private static void entry(StringBuilder html, TimelineEntry entry) {
        String title;
        String location = null;
        String description;
        switch (entry.kind()) {
            case CHECKPOINT -> {
                title = entry.shipmentStatus() == null ? "Carrier update" : shipmentWords(entry.shipmentStatus());
                location = entry.location();
                description = entry.description();
            }
            case DELAY -> {
                title = "Running late";
                description = "We noticed a delay and are keeping an eye on it.";
            }
            case STATUS_CHANGED -> {
                Words words = orderWords(entry.status());
                title = words.title();
                description = words.sentence();
            }
            // Notes (address edited, feedback left) are between buyer and seller, not for whoever holds the link.
            case NOTE -> {
                return;
            }
            default -> throw new IllegalStateException("Unknown timeline kind " + entry.kind());
        }
        html.append("<li><time datetime=\"").append(escape(entry.at().toString())).append("\">")
                .append(escape(TIME.format(entry.at()))).append("</time><strong>").append(escape(title))
                .append("</strong>");
        if (location != null && !location.isBlank()) {
            html.append(" <span class=\"where\">· ").append(escape(location)).append("</span>");
        }
        if (description != null && !description.isBlank()) {
            html.append("<p>").append(escape(description)).append("</p>");
        }
        html.append("</li>\n");
    }

    /** Newest first; entries with the same time keep their stored order reversed (later appended, shown first). */
    static List<TimelineEntry> newestFirst(List<TimelineEntry> oldestFirst) {
        List<TimelineEntry> out = new ArrayList<>(oldestFirst.size());
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            TimelineEntry entry = oldestFirst.get(i);
            if (entry.kind() != TimelineEntry.Kind.NOTE && entry.at() != null) {
                out.add(entry);
            }
        }
        out.sort(Comparator.comparing(TimelineEntry::at, Comparator.<Instant>reverseOrder()));
        return out;
    }

    /** City and country only: the rest of the address is the buyer's business. */
    static String destination(Address address) {
        if (address == null) {
            return "";
        }
        List<String> parts = new ArrayList<>(2);
        if (address.city() != null && !address.city().isBlank()) {
            parts.add(address.city());
        }
        if (address.country() != null && !address.country().isBlank()) {
            parts.add(address.country());
        }
        return String.join(", ", parts);
    }

    private static boolean isTrouble(ShipmentStatus status) {
        return switch (status) {
            case ATTEMPT_FAILED, AVAILABLE_FOR_PICKUP, EXCEPTION, RETURNED_TO_SENDER -> true;
            default -> false;
        };
    }

    record Words(String title, String sentence) {
    }

    /** The order's status as the buyer would say it. */
    static Words orderWords(OrderStatus status) {
        if (status == null) {
            return new Words("Updated", null);
        }
        return switch (status) {
            case PENDING -> new Words("Order placed", "The seller has received your order.");
            case PROCESSED -> new Words("Preparing your parcel", "The seller is getting your parcel ready.");
            case SHIPPED -> new Words("Shipped", "Your parcel is with the carrier.");
            case IN_TRANSIT -> new Words("On its way", "Your parcel is on its way.");
            case OUT_FOR_DELIVERY -> new Words("Out for delivery", "Your parcel will arrive today.");
            case DELIVERED -> new Words("Delivered", "Your parcel was delivered.");
            case CANCELLED -> new Words("Cancelled", "This order was cancelled.");
            case RETURN_REQUESTED -> new Words("Return requested", "A return was requested.");
            case RETURN_APPROVED -> new Words("Return approved", "The return was approved.");
            case RETURN_REJECTED -> new Words("Return not approved", "The return was not approved.");
            case RETURNED -> new Words("Returned", "The returned parcel reached the seller.");
            case REFUNDED -> new Words("Refunded", "This order was refunded.");
        };
    }

    /** A carrier checkpoint's status as the buyer would say it. */
    static String shipmentWords(ShipmentStatus status) {
        return switch (status) {
            case INFO_RECEIVED -> "Label created";
            case IN_TRANSIT -> "In transit";
            case OUT_FOR_DELIVERY -> "Out for delivery";
            case ATTEMPT_FAILED -> "Delivery attempt failed";
            case AVAILABLE_FOR_PICKUP -> "Ready for pickup";
            case DELIVERED -> "Delivered";
            case EXCEPTION -> "Carrier reported a problem";
            case RETURNED_TO_SENDER -> "Being returned to the sender";
        };
    }
}

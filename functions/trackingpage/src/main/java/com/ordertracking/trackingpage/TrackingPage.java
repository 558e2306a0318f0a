package com.ordertracking.trackingpage;

import static com.ordertracking.trackingpage.Html.escape;

import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Delay;
import com.ordertracking.shared.domain.LocalTimes;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.seller.SellerSnapshot;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.PackageSummary;
import com.ordertracking.shared.domain.Shipment;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.TimelineEntry;
import com.ordertracking.shared.domain.tracking.CarrierNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the public tracking page: server-side HTML, no scripts, inline CSS only (the CSP allows nothing
 * else), so it reads the same without JavaScript. Anyone holding the link sees it, so it shows only what a
 * parcel label shows: no buyer name, email or phone, no street address (city and country only), no item
 * names or prices, and no free text people typed (a cancellation or return reason): status changes are told
 * in our own words, checkpoints in the carrier's. Times are the destination's local time with the zone
 * named ({@link LocalTimes}); dates are the local calendar date.
 */
final class TrackingPage {
    /** A foreground/background pair the stylesheet uses, and the WCAG 2.x AA ratio it must reach. */
    record Contrast(String where, String foreground, String background, double minimum) {
    }

    private static final double TEXT = 4.5;
    /** Large text (24px, or 18.66px bold) and non-text indicators such as the progress dots. */
    private static final double LARGE_OR_GRAPHIC = 3.0;

    private static final String INK = "#1f2328";
    private static final String MUTED = "#4b5563";
    private static final String PAGE = "#f3f4f6";
    private static final String CARD = "#ffffff";
    private static final String LINE = "#d1d5db";
    private static final String BAR = "#1f2937";
    private static final String DONE = "#15803d";
    private static final String HALO = "#bbf7d0";
    private static final String TODO = "#6b7280";
    private static final String LATE_BG = "#fff7ed";
    private static final String LATE_INK = "#431407";
    private static final String LATE_ACCENT = "#c2410c";
    private static final String LATE_HEADING = "#9a3412";

    /**
     * Every pair of colours that meet on the page (checked by {@code TrackingPageTest}); a colour in
     * {@link #STYLE} that is in none of them fails that test too. {@code LINE} and {@code HALO} are
     * decoration next to an indicator that already contrasts, so they only need to differ.
     */
    static final List<Contrast> CONTRASTS = List.of(
            new Contrast("body text", INK, PAGE, TEXT),
            new Contrast("card text", INK, CARD, TEXT),
            new Contrast("secondary text on cards", MUTED, CARD, TEXT),
            new Contrast("secondary text on the page", MUTED, PAGE, TEXT),
            new Contrast("top bar", CARD, BAR, TEXT),
            new Contrast("done step and latest entry dot", DONE, CARD, LARGE_OR_GRAPHIC),
            new Contrast("current step halo", DONE, HALO, LARGE_OR_GRAPHIC),
            new Contrast("steps to come", TODO, CARD, LARGE_OR_GRAPHIC),
            new Contrast("card border and timeline line", LINE, CARD, 1.0),
            new Contrast("delay notice text", LATE_INK, LATE_BG, TEXT),
            new Contrast("delay notice heading", LATE_HEADING, LATE_BG, TEXT),
            new Contrast("delay notice accent bar", LATE_ACCENT, LATE_BG, LARGE_OR_GRAPHIC),
            new Contrast("delay entry in the history", LATE_HEADING, CARD, TEXT),
            new Contrast("delay entry dot", LATE_ACCENT, CARD, LARGE_OR_GRAPHIC));

    static final String STYLE = """
            *{box-sizing:border-box}
            html{color-scheme:light}
            body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;color:INK;background:PAGE}
            .bar{background:BAR;color:CARD;font-weight:600}
            .bar p{max-width:44rem;margin:0 auto;padding:.75rem 1rem}
            main{max-width:44rem;margin:0 auto;padding:1rem 1rem 0}
            h1{font-size:1.75rem;line-height:1.25;margin:.75rem 0 .25rem}
            h2{font-size:1.125rem;line-height:1.3;margin:0 0 .75rem}
            .summary{color:MUTED;margin:0 0 1rem}
            .card{background:CARD;border:1px solid LINE;border-radius:12px;padding:1.25rem;margin:0 0 1rem}
            .status h2{font-size:1.75rem;margin:0}
            .status .sub{margin:.25rem 0 0;font-weight:600}
            .eta{margin:.5rem 0 0;color:MUTED}.eta strong{color:INK}
            .progress{display:flex;list-style:none;margin:1.25rem 0 0;padding:0}
            .progress li{flex:1 1 0;position:relative;min-width:0;padding-top:1.75rem;text-align:center;font-size:.8125rem;line-height:1.25;color:MUTED}
            .progress li::before{content:"";position:absolute;z-index:1;top:.25rem;left:50%;width:1rem;height:1rem;margin-left:-.5rem;border-radius:50%;background:CARD;border:2px solid TODO}
            .progress li::after{content:"";position:absolute;top:.6875rem;left:-50%;width:100%;height:2px;background:TODO}
            .progress li:first-child::after{display:none}
            .progress .done::before,.progress .current::before{background:DONE;border-color:DONE}
            .progress .done::after,.progress .current::after{background:DONE}
            .progress .current::before{box-shadow:0 0 0 4px HALO}
            .progress .current{color:INK;font-weight:600}
            .notice{background:LATE_BG;color:LATE_INK;border:1px solid LATE_ACCENT;border-left:6px solid LATE_ACCENT;border-radius:12px;padding:1rem 1.25rem;margin:0 0 1rem}
            .notice h2{color:LATE_HEADING;margin:0 0 .25rem}.notice p{margin:0}
            dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.5rem 1.5rem;margin:0}
            dt{color:MUTED}dd{margin:0;min-width:0;overflow-wrap:anywhere}
            .tracking-number{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:clamp(.6875rem,3.7vw,.9375rem);font-weight:600;white-space:nowrap;overflow-wrap:normal;overflow-x:auto}
            .timeline{list-style:none;margin:0;padding:0}
            .timeline li{position:relative;margin-left:.5rem;padding:0 0 1.25rem 1.25rem;border-left:2px solid LINE}
            .timeline li:last-child{border-left-color:transparent;padding-bottom:0}
            .timeline li::before{content:"";position:absolute;left:-.5625rem;top:.25rem;width:1rem;height:1rem;border-radius:50%;background:CARD;border:2px solid TODO}
            .timeline .latest::before{background:DONE;border-color:DONE}
            .timeline .delay::before{background:LATE_ACCENT;border-color:LATE_ACCENT}
            .timeline .delay strong{color:LATE_HEADING}
            .timeline time{display:block;color:MUTED;font-size:.875rem}
            .timeline p{margin:.125rem 0 0}.where{color:MUTED}
            .visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
            footer{max-width:44rem;margin:0 auto;padding:0 1rem 2rem;color:MUTED;font-size:.875rem}footer p{margin:.25rem 0}
            .packages{list-style:none;margin:0;padding:0}.packages li{padding:.5rem 0;border-top:1px solid LINE}.packages li:first-child{border-top:0}.packages p{margin:.25rem 0 0}
            @media (max-width:23rem){.progress li:not(.current) .step{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}.progress .current .step{white-space:nowrap}}
            @media (max-width:30rem){.card{padding:1rem}dl{grid-template-columns:minmax(0,1fr);gap:0}dt{margin-top:.5rem}dt:first-child{margin-top:0}.progress li{font-size:.6875rem}}
            """
            .replace("LATE_HEADING", LATE_HEADING).replace("LATE_ACCENT", LATE_ACCENT).replace("LATE_INK", LATE_INK)
            .replace("LATE_BG", LATE_BG).replace("INK", INK).replace("MUTED", MUTED).replace("PAGE", PAGE)
            .replace("CARD", CARD).replace("LINE", LINE).replace("BAR", BAR).replace("DONE", DONE)
            .replace("HALO", HALO).replace("TODO", TODO);

    /** The forward path an order takes, shown as the progress indicator. */
    private static final List<OrderStatus> STEPS = List.of(OrderStatus.PENDING, OrderStatus.PROCESSED,
            OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT, OrderStatus.OUT_FOR_DELIVERY, OrderStatus.DELIVERED);
    private static final List<String> STEP_NAMES = List.of("Ordered", "Preparing", "Shipped", "On its way",
            "Out for delivery", "Delivered");

    private TrackingPage() {
    }

    /** The page for an order and its timeline (oldest first, as stored). */
    static String render(Order order, List<TimelineEntry> timeline) {
        LocalTimes local = LocalTimes.forAddress(order.shippingAddress());
        Words status = orderWords(order.status());
        StringBuilder html = new StringBuilder(8192);
        head(html, "Your order: " + status.title());
        String shop = SellerSnapshot.displayNameOf(order.seller());
        html.append(shop == null ? "<h1>Your order</h1>\n" : "<h1>Your order from " + escape(shop) + "</h1>\n")
                .append("<p class=\"summary\">").append(escape(summary(order, local)))
                .append("</p>\n");

        statusCard(html, order, status, local);
        if (order.delay() != null && !order.wasDelivered()) {
            delayNotice(html, order.delay(), local);
        }
        details(html, order);
        Map<String, String> packageNames = packageNames(order);
        packages(html, order, packageNames, local);

        List<TimelineEntry> shown = newestFirst(timeline);
        if (!shown.isEmpty()) {
            html.append("<section class=\"card\" aria-labelledby=\"history\">\n<h2 id=\"history\">History</h2>\n")
                    .append("<ol class=\"timeline\">\n");
            for (int i = 0; i < shown.size(); i++) {
                entry(html, shown.get(i), i == 0, local, packageNames);
            }
            html.append("</ol>\n</section>\n");
        }
        html.append("</main>\n<footer>\n<p>").append(escape(zoneNote(order, local))).append("</p>\n")
                .append("<p>Questions about your order? Contact the seller you ordered from and quote the order reference.</p>\n")
                .append("</footer>\n");
        return foot(html);
    }

    /** The page for a token that is not genuine or names no order: says nothing about which. */
    static String notFound() {
        StringBuilder html = new StringBuilder(4096);
        head(html, "Tracking link not found");
        html.append("<h1>Tracking link not found</h1>\n<section class=\"card\"><p>This tracking link is not valid."
                + " Please open the link from your shipping message again, or contact the seller.</p></section>\n"
                + "</main>\n");
        return foot(html);
    }

    /** The page when something failed on our side; {@code errorId} is what the buyer can quote. */
    static String unavailable(String errorId) {
        StringBuilder html = new StringBuilder(4096);
        head(html, "Tracking unavailable");
        html.append("<h1>Tracking is unavailable right now</h1>\n<section class=\"card\"><p>Please try again in a few"
                + " minutes. Reference: <code>").append(escape(errorId)).append("</code></p></section>\n</main>\n");
        return foot(html);
    }

    // ------------------------------------------------------------------ parts

    private static void head(StringBuilder html, String title) {
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<header class=\"bar\"><p>Order tracking</p></header>\n<main>\n");
    }

    private static String foot(StringBuilder html) {
        return html.append("</body>\n</html>\n").toString();
    }

    /** "2 items · ordered Friday 20 November 2026": what the order is, without saying what is in it. */
    private static String summary(Order order, LocalTimes local) {
        int items = order.totalQuantity();
        String count = items == 1 ? "1 item" : items + " items";
        return order.createdAt() == null ? count : count + " · ordered " + local.longDate(order.createdAt());
    }

    private static void statusCard(StringBuilder html, Order order, Words status, LocalTimes local) {
        Shipment shipment = order.shipment();
        html.append("<section class=\"card status\" aria-labelledby=\"status\">\n<h2 id=\"status\">")
                .append(escape(status.title())).append("</h2>\n");
        if (shipment != null && shipment.status() != null && isTrouble(shipment.status())) {
            html.append("<p class=\"sub\">").append(escape(shipmentWords(shipment.status()))).append("</p>\n");
        }
        String eta = etaLine(order, local);
        if (eta != null) {
            html.append("<p class=\"eta\">").append(eta).append("</p>\n");
        }
        // Partly shipped sits between preparing and shipped: the progress bar shows it as "Shipped" reached in part.
        int step = STEPS.indexOf(order.status() == OrderStatus.PARTIALLY_SHIPPED ? OrderStatus.PROCESSED : order.status());
        if (step >= 0) {
            html.append("<ol class=\"progress\" aria-label=\"Progress\">\n");
            for (int i = 0; i < STEPS.size(); i++) {
                String state = i < step ? "done" : i == step ? "current" : "todo";
                html.append("<li class=\"").append(state).append('"')
                        .append(i == step ? " aria-current=\"step\"" : "").append('>')
                        .append("<span class=\"step\">").append(escape(STEP_NAMES.get(i))).append("</span>")
                        .append(i < step ? "<span class=\"visually-hidden\"> (done)</span>" : "")
                        .append("</li>\n");
            }
            html.append("</ol>\n");
        }
        html.append("</section>\n");
    }

    /** The one line under the status that says when: delivered at, the (new) estimate, or nothing. */
    private static String etaLine(Order order, LocalTimes local) {
        Shipment shipment = order.shipment();
        if (shipment == null) {
            return null;
        }
        if (shipment.deliveredAt() != null) {
            return "Delivered <strong>" + escape(local.dateTime(shipment.deliveredAt())) + "</strong>";
        }
        if (order.wasDelivered()) {
            return null;
        }
        Delay delay = order.delay();
        if (delay != null && delay.expectedBy() != null) {
            return "New estimated delivery <strong>" + escape(local.longDate(delay.expectedBy())) + "</strong>";
        }
        if (delay != null && shipment.estimatedDelivery() != null) {
            return "Was due <strong>" + escape(local.longDate(shipment.estimatedDelivery()))
                    + "</strong>, new date to be confirmed";
        }
        if (delay != null || shipment.estimatedDelivery() == null) {
            return "Estimated delivery <strong>to be confirmed by the carrier</strong>";
        }
        return "Estimated delivery <strong>" + escape(local.longDate(shipment.estimatedDelivery())) + "</strong>";
    }

    private static void details(StringBuilder html, Order order) {
        Shipment shipment = order.shipment();
        html.append("<section class=\"card\" aria-labelledby=\"details\">\n<h2 id=\"details\">Delivery details</h2>\n")
                .append("<dl>\n");
        if (shipment != null) {
            row(html, "Carrier", escape(CarrierNames.displayName(shipment.carrier())));
            html.append("<dt>Tracking number</dt><dd class=\"tracking-number\">")
                    .append(escape(shipment.trackingNumber())).append("</dd>\n");
        } else {
            row(html, "Carrier", "Not shipped yet");
        }
        String destination = destination(order.shippingAddress());
        if (!destination.isEmpty()) {
            row(html, "Shipping to", escape(destination));
        }
        String shop = SellerSnapshot.displayNameOf(order.seller());
        if (shop != null) {
            row(html, "Sold by", escape(shop));
        }
        row(html, "Order reference", escape(order.orderId()));
        html.append("</dl>\n</section>\n");
    }

    private static void row(StringBuilder html, String label, String escapedValue) {
        html.append("<dt>").append(escape(label)).append("</dt><dd>").append(escapedValue).append("</dd>\n");
    }

    private static void delayNotice(StringBuilder html, Delay delay, LocalTimes local) {
        String why = switch (delay.reason()) {
            case PAST_ESTIMATED_DELIVERY -> "Your parcel has not arrived by its estimated delivery date.";
            case NO_CARRIER_UPDATE -> "The carrier has not updated this parcel for a while.";
            case ESTIMATE_PUSHED_BACK -> "The carrier has moved the delivery date back.";
        };
        String next = delay.expectedBy() == null ? "We're checking with the carrier."
                : "New estimate: " + local.longDate(delay.expectedBy()) + ".";
        html.append("<section class=\"notice\" role=\"status\" aria-labelledby=\"late\">\n")
                .append("<h2 id=\"late\">Running late</h2>\n<p>").append(escape(why)).append(' ')
                .append(escape(next)).append("</p>\n</section>\n");
    }

    /**
     * "Package 1 of 2" per package id, when the order ships in several packages (or some units are still to ship:
     * "Package 1"); empty for an order shipped in one package, whose page reads as before.
     */
    static Map<String, String> packageNames(Order order) {
        boolean several = order.packages().size() > 1 || order.status() == OrderStatus.PARTIALLY_SHIPPED;
        Map<String, String> names = new LinkedHashMap<>();
        if (several) {
            boolean complete = order.status() != OrderStatus.PARTIALLY_SHIPPED;
            for (PackageSummary pkg : order.packages()) {
                names.put(pkg.packageId(), "Package " + pkg.number() + (complete ? " of " + order.packages().size() : ""));
            }
        }
        return names;
    }

    /** One card per package: carrier, number, where it stands. */
    private static void packages(StringBuilder html, Order order, Map<String, String> names, LocalTimes local) {
        if (names.isEmpty()) {
            return;
        }
        html.append("<section class=\"card\" aria-labelledby=\"packages\">\n<h2 id=\"packages\">Packages</h2>\n")
                .append("<ul class=\"packages\">\n");
        for (PackageSummary pkg : order.packages()) {
            String state = pkg.deliveredAt() != null
                    ? "Delivered " + local.dateTime(pkg.deliveredAt())
                    : (pkg.status() == null ? "Shipped" : shipmentWords(pkg.status()))
                            + (pkg.estimatedDelivery() == null ? "" : " · estimated " + local.longDate(pkg.estimatedDelivery()))
                            + (pkg.delay() != null ? " · running late" : "");
            html.append("<li class=\"package\" data-package-id=\"").append(escape(pkg.packageId())).append("\"><strong>")
                    .append(escape(names.get(pkg.packageId()))).append("</strong> <span class=\"state\">")
                    .append(escape(state)).append("</span><p>").append(escape(CarrierNames.displayName(pkg.carrier())))
                    .append(" · <span class=\"tracking-number\">").append(escape(pkg.trackingNumber()))
                    .append("</span> · ").append(pkg.items().stream().mapToInt(i -> i.quantity()).sum())
                    .append(pkg.items().stream().mapToInt(i -> i.quantity()).sum() == 1 ? " item" : " items")
                    .append("</p></li>\n");
        }
        if (order.status() == OrderStatus.PARTIALLY_SHIPPED) {
            html.append("<li class=\"package todo\"><strong>More to come</strong> <span class=\"state\">")
                    .append("The rest of your items will ship in another package.</span></li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    private static void entry(StringBuilder html, TimelineEntry entry, boolean newest, LocalTimes local,
            Map<String, String> packageNames) {
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
        String packageName = entry.packageId() == null ? null : packageNames.get(entry.packageId());
        if (packageName != null) {
            title = packageName + ": " + title;
        }
        // A delay is never dressed as good news, even when it is the newest entry.
        String kind = entry.kind() == TimelineEntry.Kind.DELAY ? " class=\"delay\"" : newest ? " class=\"latest\"" : "";
        html.append("<li").append(kind).append("><time datetime=\"").append(escape(entry.at().toString())).append("\">")
                .append(escape(local.dateTime(entry.at()))).append("</time><strong>").append(escape(title))
                .append("</strong>");
        if (location != null && !location.isBlank()) {
            html.append(" <span class=\"where\">· ").append(escape(location)).append("</span>");
        }
        if (description != null && !description.isBlank()) {
            html.append("<p>").append(escape(description)).append("</p>");
        }
        html.append("</li>\n");
    }

    /** "Times are local to San Francisco, US (Pacific Time)." or, when unknown, that they are UTC. */
    static String zoneNote(Order order, LocalTimes local) {
        if (local.fallback()) {
            return "Times are in UTC: we could not tell the time zone of the delivery address.";
        }
        String destination = destination(order.shippingAddress());
        return "Times are local to " + (destination.isEmpty() ? "the delivery address" : destination)
                + " (" + local.zoneName() + ").";
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
            case PARTIALLY_SHIPPED -> new Words("Partly shipped", "Some of your items are with the carrier; the rest will follow.");
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

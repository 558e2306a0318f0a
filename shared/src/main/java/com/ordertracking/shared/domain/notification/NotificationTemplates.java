package com.ordertracking.shared.domain.notification;

import com.ordertracking.shared.domain.LocalTimes;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.event.OrderEvent.ShipmentInfo;
import com.ordertracking.shared.domain.event.OrderEvent;
import com.ordertracking.shared.domain.event.OrderEvent.ReturnState;
import com.ordertracking.shared.domain.notification.Notification.Audience;
import com.ordertracking.shared.domain.tracking.CarrierNames;
import com.ordertracking.shared.domain.tracking.TrackingLinks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every text a buyer or seller receives, in one place: which events deserve a message and what it
 * says. SMS texts are short and specific (160 GSM characters where possible, checked by
 * {@code NotificationTemplatesTest}); emails say the same with a little more room. Dates are the
 * destination's local dates ("Nov 24", {@link LocalTimes} from the event's {@code destinationTimeZone}), or
 * labelled UTC ("Nov 24 (UTC)") when the destination's zone is unknown.
 */
public final class NotificationTemplates {
    /** SMS segment length (GSM-7). */
    public static final int SMS_LIMIT = 160;
    /** Shipment states a seller must hear about at once. */
    static final Set<ShipmentStatus> TROUBLE = Set.of(ShipmentStatus.EXCEPTION, ShipmentStatus.ATTEMPT_FAILED,
            ShipmentStatus.RETURNED_TO_SENDER);

    private final TrackingLinks links;

    public NotificationTemplates(TrackingLinks links) {
        this.links = links;
    }

    /** The messages one event means (none for events nobody needs to hear about). */
    public List<Notification> render(OrderEvent event) {
        List<Notification> out = new ArrayList<>();
        String id = event.orderId();
        String link = links.link(id);
        ShipmentInfo s = event.shipment();
        LocalTimes local = LocalTimes.ofZoneId(event.destinationTimeZone());
        String from = from(event);
        switch (event.eventType()) {
            case OrderCreated -> {
                var order = event.order();
                String total = order == null || order.total() == null ? "" : ", total " + order.total().toPlainString()
                        + " " + order.currency();
                int items = order == null ? 0 : order.itemCount();
                out.add(buyer(BuyerMessage.ORDER_CONFIRMED,
                        orWithout(from, f -> "Order confirmed" + f + ": " + items + (items == 1 ? " item" : " items")
                                + total + ". We'll text you when it ships. Ref " + id),
                        "Your order" + from + " is confirmed",
                        "Thanks for your order " + id + from + " (" + items + (items == 1 ? " item" : " items") + total
                                + ").\nWe'll let you know as soon as it ships.\nFollow it here: " + link));
            }
            case OrderStatusChanged -> {
                if (event.pkg() != null && event.status() != OrderStatus.CANCELLED) {
                    // Several packages: the buyer hears about each package (PackageUpdated), not the order's
                    // status change the same package caused: one message per change.
                } else if (event.status() == OrderStatus.SHIPPED && s != null) {
                    out.add(buyer(BuyerMessage.SHIPPED,
                            orWithout(from, f -> "Shipped" + f + ": " + carrier(s) + " " + s.trackingNumber()
                                    + eta(s.estimatedDelivery(), local) + ". Track: " + link),
                            "Your order" + from + " has shipped",
                            "Your order " + id + from + " is on its way.\nCarrier: " + carrier(s) + "\nTracking number: "
                                    + s.trackingNumber() + "\nEstimated delivery: "
                                    + (s.estimatedDelivery() == null ? "to be announced by the carrier"
                                            : local.shortDate(s.estimatedDelivery()))
                                    + "\nTrack it: " + link));
                } else if (event.status() == OrderStatus.OUT_FOR_DELIVERY) {
                    out.add(buyer(BuyerMessage.OUT_FOR_DELIVERY,
                            "Out for delivery today: your order" + parcel(s) + ". Track: " + link,
                            "Your order is out for delivery",
                            "Your order " + id + " is out for delivery today" + parcel(s) + ".\nTrack it: " + link));
                } else if (event.status() == OrderStatus.DELIVERED) {
                    out.add(buyer(BuyerMessage.DELIVERED,
                            "Your order was delivered. How did it go? Rate it: " + link,
                            "Your order" + from + " was delivered",
                            "Your order " + id + from + " was delivered" + parcel(s)
                                    + ".\nHow did it go? Your rating helps the seller and other buyers: " + link
                                    + "\nSomething wrong? You can request a return within 30 days."));
                } else if (event.status() == OrderStatus.CANCELLED) {
                    out.add(buyer(BuyerMessage.CANCELLED,
                            "Your order " + id + " was cancelled. If you were charged, the refund follows shortly.",
                            "Your order was cancelled",
                            "Your order " + id + " was cancelled and will not ship.\n"
                                    + "If you were charged, the seller refunds you; we'll tell you when it is issued."));
                }
            }
            case DeliveryDelayed -> {
                // An order in several packages: say which one is late (the event names the package that changed).
                ShipmentInfo late = event.pkg() != null && event.pkg().delay() != null
                        ? new ShipmentInfo(event.pkg().carrier(), event.pkg().trackingNumber(), event.pkg().status(),
                                event.pkg().estimatedDelivery(), null, null, null)
                        : s;
                var delay = event.delay();
                String expected = delay == null || delay.expectedBy() == null ? null : local.shortDate(delay.expectedBy());
                out.add(buyer(BuyerMessage.DELIVERY_DELAYED,
                        "Sorry, your order is running late. "
                                + (expected == null ? "We're checking with the carrier and will update you"
                                        : "New estimate: " + expected)
                                + ". Track: " + link,
                        "Your order is running late",
                        "We're sorry: your order " + id + parcel(late) + " is running late.\n"
                                + (expected == null ? "We're checking with the carrier and will update you soon."
                                        : "The new estimate is " + expected + "; we'll tell you if it changes.")
                                + "\nThe seller has been told. Track it: " + link));
                out.add(seller(SellerAlert.DELAY,
                        "Delay: order " + id + parcel(late) + " is late (" + reason(delay) + "). The buyer was told.",
                        "Delivery delayed: order " + id,
                        "Order " + id + parcel(late) + " is late: " + reason(delay) + ".\nExpected by: "
                                + (expected == null ? "unknown" : expected)
                                + "\nThe buyer has been notified. Consider contacting the carrier or offering compensation."));
            }
            case ShipmentUpdated -> {
                ShipmentStatus before = event.previousShipment() == null ? null : event.previousShipment().status();
                if (s != null && s.status() != null && TROUBLE.contains(s.status()) && s.status() != before) {
                    String what = s.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
                    out.add(seller(SellerAlert.EXCEPTION,
                            "Shipment problem: order " + id + parcel(s) + " reports " + what + ". Check with the carrier.",
                            "Shipment problem: order " + id,
                            "The carrier reports \"" + what + "\" for order " + id + parcel(s)
                                    + ".\nPlease check with the carrier; the buyer may need an update."));
                }
            }
            case PackageUpdated -> packageMessages(event, link, local, out);
            case ReturnUpdated -> {
                var ret = event.returnRequest();
                if (ret != null) {
                    String text = switch (ret.state()) {
                        case REQUESTED -> "We got your return request for order " + id + ". The seller will reply soon.";
                        case APPROVED -> "Return approved for order " + id + ". Send it back; we'll refund once it arrives.";
                        case REJECTED -> "Your return for order " + id + " was not approved"
                                + (ret.decisionNote() == null ? "." : ": " + ret.decisionNote());
                        case RECEIVED -> "Your return for order " + id + " arrived. Your refund is on its way.";
                    };
                    out.add(buyer(BuyerMessage.RETURN_UPDATED, fit(text),
                            "Your return: " + ret.state().name().toLowerCase(Locale.ROOT), text));
                    // The seller hears of a return the carrier delivered (nobody pressed "receive").
                    if (ret.state() == ReturnState.RECEIVED && ret.receivedBy() != null && !"seller".equals(ret.receivedBy())) {
                        out.add(seller(SellerAlert.RETURN_DELIVERED,
                                "Return delivered: order " + id + " is back with you (" + CarrierNames.displayName(
                                        ret.receivedBy()) + "). Check it and refund the buyer.",
                                "Return delivered: order " + id,
                                "The return " + ret.returnId() + " of order " + id + " was delivered to you by "
                                        + CarrierNames.displayName(ret.receivedBy()) + "; the order is now RETURNED."
                                        + "\nPlease check the items and issue the refund."));
                    }
                }
            }
            case RefundIssued -> {
                var refund = event.refund();
                String amount = refund == null || refund.amount() == null ? ""
                        : " of " + refund.amount().toPlainString() + " " + refund.currency();
                out.add(buyer(BuyerMessage.REFUND_ISSUED,
                        "Refund" + amount + " issued for order " + id + ". It can take 5-10 days to show.",
                        "Your refund was issued",
                        "We issued your refund" + amount + " for order " + id
                                + ".\nDepending on your bank it can take 5-10 business days to appear."));
            }
            case CancellationRequestUpdated -> {
                var request = event.cancellationRequest();
                if (request != null && "PENDING".equals(request.state())) {
                    out.add(seller(SellerAlert.CANCELLATION_REQUEST,
                            "Order " + id + ": the buyer asks to cancel (" + request.reason() + "). Approve or reject before shipping.",
                            "Cancellation request: order " + id,
                            "The buyer of order " + id + " asks to cancel it: " + request.reason()
                                    + ".\nApprove (POST /orders/" + id + "/cancellation/approve) or reject it"
                                    + " (/cancellation/reject) before you ship; shipping rejects it automatically."));
                } else if (request != null && "REJECTED".equals(request.state())) {
                    String why = "system".equals(request.decidedBy())
                            ? "it had already shipped. You can request a return once it arrives"
                            : "the seller declined" + (request.decisionReason() == null ? "" : ": " + request.decisionReason())
                                    + ". It ships as planned";
                    String text = "Order " + id + " could not be cancelled: " + why + ".";
                    out.add(buyer(BuyerMessage.CANCELLATION_DECLINED, fit(text), "Your cancellation request",
                            text + "\nTrack your order: " + link));
                }
                // APPROVED: the order's move to CANCELLED is the buyer's one message (OrderStatusChanged).
            }
            case CompensationOffered -> {
                var c = event.compensation();
                if (c != null && c.couponCode() != null) {
                    String discount = discount(c);
                    String until = c.validUntil() == null ? null : local.shortDate(c.validUntil());
                    out.add(buyer(BuyerMessage.COMPENSATION_OFFERED,
                            fit("Sorry your order was late. Code " + c.couponCode() + " gives you " + discount
                                    + " off your next order from " + shop(event) + (until == null ? "" : ", until " + until)
                                    + "."),
                            "A coupon to make up for the delay",
                            "We're sorry your order " + id + parcel(s) + " was late.\n"
                                    + "To make up for it, " + shop(event) + " offers you " + discount
                                    + " off your next order with them.\nCoupon code: " + c.couponCode()
                                    + "\nValid until: " + (until == null ? "no expiry" : until)
                                    + " (one use, for you only)\nTrack your order: " + link));
                }
            }
        }
        return out;
    }

    /** The SMS with the shop's name when it fits, else without it: the link and reference are never cut. */
    private static String orWithout(String from, java.util.function.UnaryOperator<String> sms) {
        String named = sms.apply(from);
        return named.length() <= SMS_LIMIT ? named : sms.apply("");
    }

    /** " from <shop>" when the order copied its seller's display name, else nothing. */
    private static String from(OrderEvent event) {
        return event.sellerDisplayName() == null ? "" : " from " + event.sellerDisplayName();
    }

    private static String shop(OrderEvent event) {
        return event.sellerDisplayName() == null ? "this shop" : event.sellerDisplayName();
    }

    /**
     * An order shipped in several packages: one buyer message per package shipped, out for delivery or delivered
     * ("Package 2 of 2 delivered"), the seller's exception alert per package.
     */
    private static void packageMessages(OrderEvent event, String link, LocalTimes local, List<Notification> out) {
        OrderEvent.PackageInfo p = event.pkg();
        if (p == null) {
            return;
        }
        String name = "Package " + p.number() + (p.complete() ? " of " + p.count() : "");
        String parcel = " (" + CarrierNames.displayName(p.carrier()) + " " + p.trackingNumber() + ")";
        String id = event.orderId();
        if (p.status() == p.previousStatus() && !p.shipped()) {
            return; // its delay flag changed: the order's DeliveryDelayed event (which names the package) tells
        }
        if (p.shipped()) {
            String rest = p.complete() ? "" : " More items follow in another package.";
            out.add(buyer(BuyerMessage.SHIPPED,
                    fit(name + " shipped: " + CarrierNames.displayName(p.carrier()) + " " + p.trackingNumber()
                            + eta(p.estimatedDelivery(), local) + "." + rest + " Track: " + link),
                    name + " of your order has shipped",
                    name + " of your order " + id + " is on its way" + parcel + "." + rest + "\nTrack it: " + link));
        } else if (p.status() == ShipmentStatus.OUT_FOR_DELIVERY) {
            out.add(buyer(BuyerMessage.OUT_FOR_DELIVERY,
                    fit(name + " is out for delivery today" + parcel + ". Track: " + link),
                    name + " is out for delivery",
                    name + " of your order " + id + " is out for delivery today" + parcel + ".\nTrack it: " + link));
        } else if (p.status() == ShipmentStatus.DELIVERED) {
            boolean all = event.status() == OrderStatus.DELIVERED;
            out.add(buyer(BuyerMessage.DELIVERED,
                    fit(name + " delivered." + (all ? " That's everything. How did it go? Rate it: "
                            : " Track the rest: ") + link),
                    name + " was delivered",
                    name + " of your order " + id + " was delivered" + parcel + "."
                            + (all ? "\nThat was the last one. How did it go? Your rating helps: " + link
                                    + "\nSomething wrong? You can request a return within 30 days."
                                    : "\nFollow the rest of your order: " + link)));
        } else if (p.status() != null && TROUBLE.contains(p.status())) {
            String what = p.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            out.add(seller(SellerAlert.EXCEPTION,
                    "Shipment problem: order " + id + " " + name.toLowerCase(Locale.ROOT) + parcel + " reports " + what
                            + ". Check with the carrier.",
                    "Shipment problem: order " + id,
                    "The carrier reports \"" + what + "\" for " + name.toLowerCase(Locale.ROOT) + " of order " + id
                            + parcel + ".\nPlease check with the carrier; the buyer may need an update."));
        }
    }

    private static Notification buyer(BuyerMessage kind, String sms, String subject, String email) {
        return new Notification(Audience.BUYER, kind.name(), sms, subject, email);
    }

    private static Notification seller(SellerAlert kind, String sms, String subject, String email) {
        return new Notification(Audience.SELLER, kind.name(), fit(sms), subject, email);
    }

    private static String carrier(ShipmentInfo s) {
        return CarrierNames.displayName(s.carrier());
    }

    private static String parcel(ShipmentInfo s) {
        return s == null ? "" : " (" + carrier(s) + " " + s.trackingNumber() + ")";
    }

    /** "15%" or "10.00 USD". */
    private static String discount(OrderEvent.CompensationInfo c) {
        if (c.percentOff() != null) {
            return c.percentOff().stripTrailingZeros().toPlainString() + "%";
        }
        return c.amountOff() == null ? "a discount" : c.amountOff().toPlainString()
                + (c.currency() == null ? "" : " " + c.currency());
    }

    private static String eta(Instant eta, LocalTimes local) {
        return eta == null ? "" : ", arriving " + local.shortDate(eta);
    }

    private static String reason(OrderEvent.DelayInfo delay) {
        if (delay == null || delay.reason() == null) {
            return "running late";
        }
        return switch (delay.reason()) {
            case PAST_ESTIMATED_DELIVERY -> "past its estimated delivery";
            case NO_CARRIER_UPDATE -> "no carrier update for too long";
            case ESTIMATE_PUSHED_BACK -> "the carrier pushed the estimate back";
        };
    }

    /** Free text (a seller's note) can be long: cut at the SMS limit rather than split the message. */
    static String fit(String sms) {
        return sms.length() <= SMS_LIMIT ? sms : sms.substring(0, SMS_LIMIT - 1) + "…";
    }
}

package com.ordertracking.trackingpage;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.PackageSummary;
import com.ordertracking.shared.domain.PackedItem;
import com.ordertracking.shared.domain.ShipmentStatus;
import com.ordertracking.shared.domain.TimelineEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tracking page of an order shipped in several packages (issue 11): each package on its own. */
class TrackingPagePackagesTest {
    private static final Instant AT = TrackingPageTest.PLACED.plusSeconds(3600);

    private static Order inPackages(OrderStatus status, List<PackageSummary> packages) {
        Order base = TrackingPageTest.inTransit(null);
        return new Order(base.orderId(), base.sellerId(), base.buyer(), base.items(), base.shippingAddress(),
                base.currency(), null, base.totals(), status, 7, base.createdAt(), AT, base.shipment(), null, null, null,
                null, null, List.of(), null, List.of(), null, packages);
    }

    private static PackageSummary pkg(int number, String trackingNumber, ShipmentStatus status, Instant deliveredAt) {
        return new PackageSummary("pkg-" + number, number, "ups", trackingNumber, List.of(new PackedItem("MUG-01", 1)),
                status, status, TrackingPageTest.ETA, AT, deliveredAt, null);
    }

    @Test
    void shows_each_package_as_n_of_m_and_names_the_package_on_its_checkpoints() {
        Order order = inPackages(OrderStatus.IN_TRANSIT, List.of(
                pkg(1, "1ZAAA", ShipmentStatus.DELIVERED, AT.plusSeconds(7200)),
                pkg(2, "1ZBBB", ShipmentStatus.IN_TRANSIT, null)));
        List<TimelineEntry> timeline = List.of(
                new TimelineEntry("ups:1", AT.plusSeconds(600), TimelineEntry.Kind.CHECKPOINT, null,
                        ShipmentStatus.IN_TRANSIT, "Oakland, CA", "Departed", "ups", "pkg-2"),
                new TimelineEntry("ups:2", AT.plusSeconds(7200), TimelineEntry.Kind.CHECKPOINT, null,
                        ShipmentStatus.DELIVERED, "San Francisco, CA", "Delivered", "ups", "pkg-1"));

        String page = TrackingPage.render(order, timeline);

        assertThat(page).contains("<h2 id=\"packages\">Packages</h2>")
                .contains("<strong>Package 1 of 2</strong> <span class=\"state\">Delivered")
                .contains("<strong>Package 2 of 2</strong> <span class=\"state\">In transit")
                .contains("1ZAAA").contains("1ZBBB")
                .contains("<strong>Package 2 of 2: In transit</strong>")
                .contains("<strong>Package 1 of 2: Delivered</strong>");
    }

    @Test
    void a_partly_shipped_order_says_more_is_to_come_and_does_not_count_packages_yet() {
        Order order = inPackages(OrderStatus.PARTIALLY_SHIPPED, List.of(pkg(1, "1ZAAA", null, null)));

        String page = TrackingPage.render(order, List.of());

        assertThat(page).contains("<h2 id=\"status\">Partly shipped</h2>")
                .contains("<strong>Package 1</strong>").doesNotContain("Package 1 of")
                .contains("More to come");
    }

    @Test
    void an_order_in_one_package_reads_as_before_without_a_packages_card() {
        Order order = inPackages(OrderStatus.IN_TRANSIT, List.of(pkg(1, "1ZAAA", ShipmentStatus.IN_TRANSIT, null)));
        assertThat(TrackingPage.render(order, List.of())).doesNotContain("id=\"packages\"");
    }
}

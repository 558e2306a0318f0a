package com.ordertracking.trackingpage;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.seller.SellerSnapshot;
import org.junit.jupiter.api.Test;

/** The tracking page names the shop the order copied from the seller's profile, escaped; none when there is none. */
class TrackingPageShopNameTest {

    private static Order withShop(String name) {
        Order o = TrackingPageTest.inTransit(null);
        return new Order(o.orderId(), o.sellerId(), o.buyer(), o.items(), o.shippingAddress(), o.currency(),
                o.discount(), o.totals(), o.status(), o.version(), o.createdAt(), o.updatedAt(), o.shipment(),
                o.cancellation(), o.refund(), o.returnRequest(), o.feedback(), o.delay(), o.compensations(),
                o.cancellationRequest(), o.refunds(),
                new SellerSnapshot(name, null), o.packages());
    }

    @Test
    void the_heading_and_details_name_the_shop_escaped() {
        String html = TrackingPage.render(withShop("Ana's <Mugs> & Co"), TrackingPageTest.timeline());

        assertThat(html).contains("<h1>Your order from Ana&#39;s &lt;Mugs&gt; &amp; Co</h1>")
                .contains("<dt>Sold by</dt><dd>Ana&#39;s &lt;Mugs&gt; &amp; Co</dd>")
                .doesNotContain("<Mugs>");
    }

    @Test
    void an_order_without_a_shop_name_reads_as_before() {
        String html = TrackingPage.render(TrackingPageTest.inTransit(null), TrackingPageTest.timeline());

        assertThat(html).contains("<h1>Your order</h1>").doesNotContain("Sold by");
    }
}

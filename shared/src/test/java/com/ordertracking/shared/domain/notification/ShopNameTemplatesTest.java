package com.ordertracking.shared.domain.notification;

import static com.ordertracking.shared.domain.notification.NotificationTemplatesTest.TEMPLATES;
import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.event.OrderEvent;
import com.ordertracking.shared.domain.event.OrderEventType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Buyer texts name the shop the order copied from the seller's profile, and still fit an SMS. */
class ShopNameTemplatesTest {

    private static OrderEvent withShop(OrderEventType type, OrderStatus status, String shop) {
        OrderEvent e = NotificationTemplatesTest.event(type, status);
        return new OrderEvent(e.schemaVersion(), e.eventId(), e.eventType(), e.occurredAt(), e.orderId(),
                e.orderVersion(), e.sellerId(), e.buyerId(), e.status(), e.previousStatus(), e.order(), e.shipment(),
                e.previousShipment(), e.delay(), e.returnRequest(), e.refund(), e.compensation(),
                e.destinationTimeZone(), e.cancellationRequest(), shop, e.pkg());
    }

    @Test
    void confirmation_shipping_and_delivery_texts_name_the_shop() {
        for (OrderEvent event : List.of(withShop(OrderEventType.OrderCreated, OrderStatus.PENDING, "Café Mugs"),
                withShop(OrderEventType.OrderStatusChanged, OrderStatus.SHIPPED, "Café Mugs"))) {
            Notification buyer = TEMPLATES.render(event).getFirst();
            assertThat(buyer.subject()).contains("from Café Mugs");
            assertThat(buyer.email()).contains("from Café Mugs");
        }
        assertThat(TEMPLATES.render(withShop(OrderEventType.OrderCreated, OrderStatus.PENDING, "Café Mugs"))
                .getFirst().sms()).startsWith("Order confirmed from Café Mugs: ");
        assertThat(TEMPLATES.render(withShop(OrderEventType.OrderStatusChanged, OrderStatus.DELIVERED, "Café Mugs"))
                .getFirst().email()).contains("from Café Mugs was delivered");
        assertThat(TEMPLATES.render(withShop(OrderEventType.CompensationOffered, OrderStatus.IN_TRANSIT, "Café Mugs"))
                .getFirst().email()).contains("Café Mugs offers you");
    }

    @Test
    void without_a_shop_name_the_texts_are_as_before_and_a_long_name_never_cuts_the_tracking_link() {
        OrderEvent none = withShop(OrderEventType.OrderStatusChanged, OrderStatus.SHIPPED, null);
        OrderEvent longName = withShop(OrderEventType.OrderStatusChanged, OrderStatus.SHIPPED, "X".repeat(100));

        assertThat(TEMPLATES.render(none).getFirst().sms()).startsWith("Shipped: ");
        String sms = TEMPLATES.render(longName).getFirst().sms();
        assertThat(sms).as("the name is left out rather than the link cut").startsWith("Shipped: ")
                .contains("https://shop.example.com/track/").hasSizeLessThanOrEqualTo(NotificationTemplates.SMS_LIMIT);
    }
}

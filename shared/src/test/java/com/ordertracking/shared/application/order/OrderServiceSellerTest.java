package com.ordertracking.shared.application.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.ordertracking.shared.adapters.http.Problem;
import com.ordertracking.shared.adapters.http.Problems;
import com.ordertracking.shared.adapters.http.order.NewOrderTest;
import com.ordertracking.shared.adapters.http.order.OrderBodies;
import com.ordertracking.shared.application.ConflictException;
import com.ordertracking.shared.application.seller.SellerProfiles;
import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Coupon;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.seller.SellerProfile;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Order creation with the seller's profile (display name copied) and loyalty/subtotal coupons (checked by name). */
class OrderServiceSellerTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Address ADDRESS = new Address("Dock", "1 Dock Rd", null, "Oakland", "CA", "94607", "US", null);

    private final OrderServiceTest.InMemoryOrderRepository orders = new OrderServiceTest.InMemoryOrderRepository();
    private final Map<String, Coupon> coupons = new HashMap<>();
    private final Map<String, SellerProfile> profiles = new HashMap<>();
    private final Map<String, Long> delivered = new HashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private final OrderService service = new OrderService(orders, new CouponRepository() {
        @Override
        public boolean create(Coupon coupon) {
            return coupons.putIfAbsent(coupon.code(), coupon) == null;
        }

        @Override
        public Optional<Coupon> find(String sellerId, String code) {
            return Optional.ofNullable(coupons.get(code)).filter(c -> c.sellerId().equals(sellerId));
        }
    }, new SellerProfiles() {
        @Override
        public Optional<SellerProfile> find(String sellerId) {
            return Optional.ofNullable(profiles.get(sellerId));
        }

        @Override
        public boolean put(SellerProfile profile) {
            profiles.put(profile.sellerId(), profile);
            return true;
        }
    }, new DeliveredOrders() {
        @Override
        public long count(String buyerId, String sellerId) {
            return delivered.getOrDefault(buyerId + "|" + sellerId, 0L);
        }

        @Override
        public Map<String, Long> bySeller(String buyerId, int limit) {
            return Map.of();
        }
    }, Clock.fixed(NOW, ZoneOffset.UTC), () -> "ord_" + ids.incrementAndGet());

    private Order create(String couponCode) {
        return service.create("seller-1", OrderBodies.newOrder(NewOrderTest.body(b -> {
            b.remove("discount");
            if (couponCode != null) {
                b.put("couponCode", couponCode);
            }
        })), null).order();
    }

    private void coupon(String code, Integer minDelivered, String minSubtotal) {
        coupons.put(code, new Coupon("seller-1", code, null, BigDecimal.TEN, null, "USD", NOW.minusSeconds(60),
                NOW.plusSeconds(3600), 1, null, null, 0, NOW, null, minDelivered,
                minSubtotal == null ? null : new BigDecimal(minSubtotal)));
    }

    private Problem refusal(String couponCode) {
        ConflictException e = catchThrowableOfType(ConflictException.class, () -> create(couponCode));
        assertThat(e).as("expected a 409 for " + couponCode).isNotNull();
        return Problems.of(e);
    }

    @Test
    void a_new_order_copies_the_display_name_and_an_order_before_the_profile_has_none() {
        assertThat(create(null).seller()).isNull();

        profiles.put("seller-1", new SellerProfile("seller-1", "Café Mugs", null, List.of(), null, ADDRESS, 1, NOW));

        assertThat(create(null).seller().displayName()).isEqualTo("Café Mugs");
    }

    @Test
    void a_loyalty_coupon_counts_the_buyers_delivered_orders_with_this_seller() {
        coupon("LOYAL2", 2, null);
        delivered.put("buyer-1|seller-1", 1L);
        delivered.put("buyer-1|seller-2", 5L);

        Problem refused = refusal("LOYAL2");
        assertThat(refused.type()).isEqualTo("/problems/coupon-not-applicable");
        assertThat(refused.condition()).isEqualTo("minDeliveredOrders");
        assertThat(refused.status()).isEqualTo(409);

        delivered.put("buyer-1|seller-1", 2L);
        assertThat(create("LOYAL2").discount().code()).isEqualTo("LOYAL2");
    }

    @Test
    void a_subtotal_minimum_is_checked_before_discount_and_shipping() {
        coupon("BIG45", null, "45.00"); // the request's subtotal is 2 x 12.50 + 19.99 = 44.99
        coupon("BIG44", null, "44.99");

        assertThat(refusal("BIG45").condition()).isEqualTo("minSubtotal");
        assertThat(create("BIG44").discount().code()).isEqualTo("BIG44");
    }
}

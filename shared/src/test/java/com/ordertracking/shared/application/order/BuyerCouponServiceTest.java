package com.ordertracking.shared.application.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.shared.application.order.BuyerCouponService.Available;
import com.ordertracking.shared.application.order.BuyerCouponService.Kind;
import com.ordertracking.shared.domain.Coupon;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /me/coupons}: which coupons a buyer can use now, from the bounded reads behind it. */
class BuyerCouponServiceTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final List<Coupon> reserved = new ArrayList<>();
    private final Map<String, List<Coupon>> offers = new HashMap<>();
    private final Map<String, Long> delivered = new LinkedHashMap<>();
    private final Map<String, Long> used = new HashMap<>();
    private final List<String> sellersRead = new ArrayList<>();

    private final BuyerCoupons reads = new BuyerCoupons() {
        @Override
        public List<Coupon> reservedFor(String buyerId, Instant now, int limit) {
            return reserved.stream().filter(c -> c.validUntil().isAfter(now)).limit(limit).toList();
        }

        @Override
        public List<Coupon> loyaltyOffers(String sellerId, Instant now, int limit) {
            sellersRead.add(sellerId);
            return offers.getOrDefault(sellerId, List.of()).stream().filter(c -> c.validUntil().isAfter(now)).toList();
        }

        @Override
        public Map<String, Long> redemptionsBy(String buyerId, List<Coupon> coupons) {
            return used;
        }
    };

    private final BuyerCouponService service = new BuyerCouponService(reads, new DeliveredOrders() {
        @Override
        public long count(String buyerId, String sellerId) {
            return delivered.getOrDefault(sellerId, 0L);
        }

        @Override
        public Map<String, Long> bySeller(String buyerId, int limit) {
            return delivered;
        }
    }, Clock.fixed(NOW, ZoneOffset.UTC));

    private static Coupon coupon(String seller, String code, String buyerId, Integer minDelivered, long redemptions,
            Integer max, Integer perBuyer, Instant until) {
        return new Coupon(seller, code, null, BigDecimal.TEN, null, null, NOW.minusSeconds(60), until, 1, max, perBuyer,
                redemptions, NOW, buyerId, minDelivered, null);
    }

    @Test
    void goodwill_coupons_and_loyalty_offers_the_buyer_qualifies_for() {
        reserved.add(coupon("s1", "SORRY", "b", null, 0, 1, 1, NOW.plusSeconds(7200)));
        reserved.add(coupon("s1", "USED", "b", null, 1, 1, 1, NOW.plusSeconds(7200)));
        offers.put("s1", List.of(coupon("s1", "LOYAL2", null, 2, 0, null, 1, NOW.plusSeconds(3600)),
                coupon("s1", "LOYAL5", null, 5, 0, null, null, NOW.plusSeconds(3600))));
        offers.put("s2", List.of(coupon("s2", "LATER", null, 1, 0, null, null, NOW.plusSeconds(3600))));
        delivered.put("s1", 2L);

        List<Available> available = service.available("b");

        assertThat(available).extracting(a -> a.coupon().code(), Available::kind, Available::remainingUses)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("LOYAL2", Kind.LOYALTY, 1L),
                        org.assertj.core.groups.Tuple.tuple("SORRY", Kind.GOODWILL, 1L));
        assertThat(sellersRead).as("only sellers that delivered to the buyer are read").containsExactly("s1");
    }

    @Test
    void an_offer_the_buyer_already_used_up_or_that_has_not_started_is_not_listed() {
        Coupon perBuyerOnce = coupon("s1", "ONCE", null, 1, 3, null, 1, NOW.plusSeconds(3600));
        Coupon notYet = new Coupon("s1", "SOON", null, BigDecimal.TEN, null, null, NOW.plusSeconds(60),
                NOW.plusSeconds(3600), 1, null, null, 0, NOW, null, 1, null);
        offers.put("s1", List.of(perBuyerOnce, notYet));
        delivered.put("s1", 4L);
        used.put(BuyerCoupons.key(perBuyerOnce), 1L);

        assertThat(service.available("b")).isEmpty();
    }
}

package com.ordertracking.shared.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentsTest {

    private static Components in(Map<String, String> environment) {
        return FunctionEnvironment.with(environment, Components::fromEnvironment);
    }

    @Test
    void one_instance_per_function_environment() {
        Map<String, String> ship = Map.of("ORDERS_TABLE", "orders-a", "CARRIER_SILENCE_HOURS", "24", "CARRIERS", "ups");
        Components first = in(ship);
        assertThat(in(ship)).isSameAs(first);
        assertThat(first.delayRules().silenceLimit()).isEqualTo(Duration.ofHours(24));
        assertThat(first.trackingConfig().carriers()).containsExactly("ups");
    }

    @Test
    void functions_hosted_in_one_jvm_never_see_each_others_settings() {
        Components monitor = in(Map.of("ORDERS_TABLE", "orders-b", "CARRIER_SILENCE_HOURS", "48"));
        Components intake = in(Map.of("TRACKING_EVENTS_QUEUE_URL", "http://queue", "CARRIERS", "dhl,fedex"));
        assertThat(monitor).isNotSameAs(intake);
        assertThat(monitor.delayRules().silenceLimit()).isEqualTo(Duration.ofHours(48));
        assertThat(intake.delayRules().silenceLimit()).isEqualTo(Duration.ofHours(72));
        assertThat(intake.trackingConfig().carriers()).containsExactlyInAnyOrder("dhl", "fedex");
        assertThat(monitor.settings().optional("TRACKING_EVENTS_QUEUE_URL")).isEmpty();
        assertThat(intake.settings().optional("ORDERS_TABLE")).isEmpty();
    }

    @Test
    void configured_rules_are_checked_when_the_components_are_built() {
        assertThatThrownBy(() -> in(Map.of("CARRIER_SILENCE_HOURS", "soon")))
                .hasMessageContaining("CARRIER_SILENCE_HOURS");
        assertThatThrownBy(() -> in(Map.of("CARRIERS", "UPS!")))
                .hasMessageContaining("CARRIERS");
    }
}

package com.ordertracking.shared.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionEnvironmentTest {

    @Test
    void overlay_is_visible_only_inside_and_nests_and_falls_back_to_process_env() {
        assertThat(FunctionEnvironment.get("OT_TEST_VAR")).isNull();
        String result = FunctionEnvironment.with(Map.of("OT_TEST_VAR", "outer"), () -> {
            assertThat(FunctionEnvironment.get("OT_TEST_VAR")).isEqualTo("outer");
            assertThat(FunctionEnvironment.get("PATH")).isEqualTo(System.getenv("PATH"));
            assertThat(FunctionEnvironment.all()).containsEntry("OT_TEST_VAR", "outer");
            FunctionEnvironment.with(Map.of("OT_TEST_VAR", "inner"), () -> {
                assertThat(FunctionEnvironment.get("OT_TEST_VAR")).isEqualTo("inner");
                return null;
            });
            return FunctionEnvironment.get("OT_TEST_VAR");
        });
        assertThat(result).isEqualTo("outer");
        assertThat(FunctionEnvironment.get("OT_TEST_VAR")).isNull();
    }
}

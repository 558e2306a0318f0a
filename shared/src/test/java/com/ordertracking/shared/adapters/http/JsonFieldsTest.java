package com.ordertracking.shared.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.FieldError;
import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.domain.validation.Times;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private static JsonFields root(String json) {
        try {
            return JsonFields.root(Json.parse(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void decimals_too_small_or_too_large_to_store_are_field_errors_not_poison() {
        // GIVEN decimals that parse but that no money field can hold (1e-500000 would later fail to print)
        JsonFields fields = root("{\"tiny\": \"1e-500000\", \"huge\": 1e30, \"long\": \"" + "9".repeat(80)
                + "\", \"fine\": \"12.50\", \"percent\": 12.5}");

        // THEN each unusable one is reported and the sane ones pass
        assertThat(fields.optionalDecimal("tiny")).isNull();
        assertThat(fields.optionalDecimal("huge")).isNull();
        assertThat(fields.optionalDecimal("long")).isNull();
        assertThat(fields.optionalDecimal("fine")).isEqualByComparingTo("12.50");
        assertThat(fields.optionalDecimal("percent")).isEqualByComparingTo("12.5");
        assertThat(fields.errors()).extracting(FieldError::field).containsExactly("tiny", "huge", "long");
    }

    @Test
    void times_must_be_readable_and_inside_the_accepted_window() {
        // GIVEN a good time, an unreadable one and one far outside the window (it would break sort keys)
        JsonFields fields = root("{\"eta\": \"2026-11-27T18:00:00Z\", \"bad\": \"tomorrow\","
                + " \"far\": \"+999999-01-01T00:00:00Z\"}");

        // THEN only the good one is read, and each refusal says why
        assertThat(fields.optionalTime("eta")).isEqualTo(java.time.Instant.parse("2026-11-27T18:00:00Z"));
        assertThat(fields.optionalTime("bad")).isNull();
        assertThat(fields.optionalTime("far")).isNull();
        assertThat(fields.optionalTime("absent")).isNull();
        assertThat(fields.errors()).extracting(FieldError::field, FieldError::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("bad", Times.invalidMessage("tomorrow")),
                org.assertj.core.groups.Tuple.tuple("far", Times.rangeMessage()));
    }

    @Test
    void an_object_body_starts_valid_and_throws_nothing() {
        JsonFields fields = root("{}");
        assertThat(fields.isValid()).isTrue();
        assertThat(fields.errors()).isEmpty();
        fields.throwIfInvalid();
    }

    @Test
    void non_object_root_is_a_body_error_and_every_accessor_stays_safe() {
        // GIVEN an array body
        JsonFields fields = root("[1,2]");
        // WHEN fields are read
        assertThat(fields.optionalText("x", 5)).isNull();
        fields.rejectUnknown(Set.of());
        // THEN only the body error is there (plus the required-field error), nothing throws
        assertThat(fields.requiredText("name", 5)).isNull();
        assertThat(fields.errors()).containsExactly(
                new FieldError("body", "must be a JSON object"), new FieldError("name", "is required"));
    }

    @Test
    void paths_of_nested_objects_and_array_elements_are_full() {
        JsonFields fields = root("""
                {"order": {"lines": [{"qty": 1}, {"qty": "x"}]}}""");
        JsonFields order = fields.requiredObject("order");
        List<JsonFields> lines = order.requiredObjectArray("lines", 1, 5);
        assertThat(order.path("lines")).isEqualTo("order.lines");
        assertThat(lines.get(1).path("qty")).isEqualTo("order.lines[1].qty");
        assertThat(lines.get(0).requiredInt("qty", 1, 9)).isEqualTo(1);
        assertThat(lines.get(1).requiredInt("qty", 1, 9)).isNull();
        // errors recorded by a nested reader are visible from the root
        assertThat(fields.errors()).containsExactly(new FieldError("order.lines[1].qty", "must be a whole number"));
        assertThat(fields.isValid()).isFalse();
    }

    @Test
    void throw_if_invalid_carries_every_error() {
        JsonFields fields = root("{\"a\": 1}");
        fields.requiredText("a", 10);
        fields.requiredText("b", 10);
        assertThatThrownBy(fields::throwIfInvalid)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("a", "must be a string"), new FieldError("b", "is required")))
                .hasMessageStartingWith("2 invalid field(s)");
    }

    @Test
    void errors_list_is_a_copy() {
        JsonFields fields = root("{}");
        List<FieldError> before = fields.errors();
        fields.error("x", "bad");
        assertThat(before).isEmpty();
        assertThat(fields.errors()).hasSize(1);
    }

    @Test
    void reject_unknown_reports_each_unknown_field_in_order() {
        JsonFields fields = root("{\"a\":1, \"zz\":2, \"b\":3, \"yy\":null}");
        fields.rejectUnknown(Set.of("a", "b"));
        assertThat(fields.errors()).extracting(FieldError::field).containsExactly("zz", "yy");
    }

    @Test
    void text_is_stripped_and_checked_for_blankness_and_length() {
        JsonFields fields = root("{\"ok\": \"  hi  \", \"blank\": \" \\t \", \"long\": \"abcdef\", \"num\": 5}");
        assertThat(fields.requiredText("ok", 2)).isEqualTo("hi");
        assertThat(fields.requiredText("blank", 10)).isNull();
        assertThat(fields.optionalText("long", 5)).isNull();
        assertThat(fields.optionalText("num", 5)).isNull();
        assertThat(fields.optionalText("absent", 5)).isNull();
        assertThat(fields.errors()).containsExactly(
                new FieldError("blank", "must not be blank"),
                new FieldError("long", "must be at most 5 characters"),
                new FieldError("num", "must be a string"));
    }

    @Test
    void null_values_count_as_absent() {
        JsonFields fields = root("{\"a\": null}");
        assertThat(fields.has("a")).isFalse();
        assertThat(fields.optionalDecimal("a")).isNull();
        assertThat(fields.isValid()).isTrue();
        assertThat(fields.requiredDecimal("a")).isNull();
        assertThat(fields.errors()).containsExactly(new FieldError("a", "is required"));
    }

    @Test
    void decimals_may_be_numbers_or_numeric_strings() {
        JsonFields fields = root("""
                {"n": 12.5, "s": "12.50", "padded": " 3 ", "int": 7, "exp": "1E+3", "word": "ten", "bool": true}""");
        assertThat(fields.requiredDecimal("n")).isEqualByComparingTo("12.5");
        assertThat(fields.requiredDecimal("s")).isEqualTo(new BigDecimal("12.50"));
        assertThat(fields.requiredDecimal("padded")).isEqualByComparingTo("3");
        assertThat(fields.requiredDecimal("int")).isEqualByComparingTo("7");
        assertThat(fields.requiredDecimal("exp")).isEqualByComparingTo("1000");
        assertThat(fields.requiredDecimal("word")).isNull();
        assertThat(fields.optionalDecimal("bool")).isNull();
        assertThat(fields.errors()).containsExactly(
                new FieldError("word", "must be a decimal number, e.g. 12.50"),
                new FieldError("bool", "must be a decimal number, e.g. 12.50"));
    }

    @Test
    void integers_must_be_whole_and_in_range() {
        JsonFields fields = root("""
                {"ok": 5, "low": 0, "high": 11, "frac": 2.5, "big": 99999999999, "text": "5"}""");
        assertThat(fields.requiredInt("ok", 1, 10)).isEqualTo(5);
        assertThat(fields.requiredInt("low", 1, 10)).isNull();
        assertThat(fields.requiredInt("high", 1, 10)).isNull();
        assertThat(fields.requiredInt("frac", 1, 10)).isNull();
        assertThat(fields.requiredInt("big", 1, 10)).isNull();
        assertThat(fields.optionalInt("text", 1, 10)).isNull();
        assertThat(fields.optionalInt("absent", 1, 10)).isNull();
        assertThat(fields.errors()).containsExactly(
                new FieldError("low", "must be between 1 and 10"),
                new FieldError("high", "must be between 1 and 10"),
                new FieldError("frac", "must be a whole number"),
                new FieldError("big", "must be a whole number"),
                new FieldError("text", "must be a whole number"));
    }

    @Test
    void booleans_must_be_json_booleans() {
        JsonFields fields = root("{\"yes\": true, \"no\": false, \"text\": \"true\"}");
        assertThat(fields.optionalBoolean("yes")).isTrue();
        assertThat(fields.optionalBoolean("no")).isFalse();
        assertThat(fields.optionalBoolean("text")).isNull();
        assertThat(fields.optionalBoolean("absent")).isNull();
        assertThat(fields.errors()).containsExactly(new FieldError("text", "must be true or false"));
    }

    @Test
    void objects_and_arrays_are_type_checked() {
        JsonFields fields = root("{\"o\": [], \"a\": {}, \"few\": [], \"mixed\": [{}, 1, \"x\"]}");
        assertThat(fields.requiredObject("o")).isNull();
        assertThat(fields.requiredObject("missing")).isNull();
        assertThat(fields.requiredObjectArray("a", 0, 5)).isEmpty();
        assertThat(fields.requiredObjectArray("few", 1, 5)).isEmpty();
        assertThat(fields.requiredObjectArray("mixed", 1, 5)).hasSize(1);
        assertThat(fields.errors()).containsExactly(
                new FieldError("o", "must be an object"),
                new FieldError("missing", "is required"),
                new FieldError("a", "must be an array"),
                new FieldError("few", "must contain between 1 and 5 entries"),
                new FieldError("mixed[1]", "must be an object"),
                new FieldError("mixed[2]", "must be an object"));
    }

    @Test
    void validation_exception_of_builds_a_single_error() {
        ValidationException e = ValidationException.of("x", "is bad");
        assertThat(e.errors()).containsExactly(new FieldError("x", "is bad"));
    }
}

package com.ordertracking.local.cloud.sns;

import static com.ordertracking.local.cloud.sns.FilterPolicy.Scope.MESSAGE_ATTRIBUTES;
import static com.ordertracking.local.cloud.sns.FilterPolicy.Scope.MESSAGE_BODY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterPolicyTest {

    private static Map<String, MessageAttribute> attrs(Object... nameTypeValue) {
        Map<String, MessageAttribute> map = new LinkedHashMap<>();
        for (int i = 0; i < nameTypeValue.length; i += 3) {
            map.put((String) nameTypeValue[i], new MessageAttribute((String) nameTypeValue[i + 1], (String) nameTypeValue[i + 2]));
        }
        return map;
    }

    private static boolean attributes(String policy, Object... nameTypeValue) {
        return FilterPolicy.parse(policy, MESSAGE_ATTRIBUTES).matchesAttributes(attrs(nameTypeValue));
    }

    private static boolean body(String policy, String body) {
        return FilterPolicy.parse(policy, MESSAGE_BODY).matchesBody(body);
    }

    @Nested
    class AttributeScope {
        @Test
        void exact_string_matches_one_of_the_listed_values() {
            String policy = """
                    {"status": ["SHIPPED", "DELIVERED"]}""";
            assertThat(attributes(policy, "status", "String", "SHIPPED")).isTrue();
            assertThat(attributes(policy, "status", "String", "DELIVERED")).isTrue();
            assertThat(attributes(policy, "status", "String", "shipped")).isFalse();
            assertThat(attributes(policy, "status", "String", "CREATED")).isFalse();
        }

        @Test
        void missing_attribute_does_not_match() {
            assertThat(attributes("{\"status\": [\"SHIPPED\"]}")).isFalse();
            assertThat(attributes("{\"status\": [\"SHIPPED\"]}", "other", "String", "SHIPPED")).isFalse();
        }

        @Test
        void several_keys_must_all_match() {
            String policy = """
                    {"status": ["SHIPPED"], "channel": ["sms"]}""";
            assertThat(attributes(policy, "status", "String", "SHIPPED", "channel", "String", "sms")).isTrue();
            assertThat(attributes(policy, "status", "String", "SHIPPED", "channel", "String", "email")).isFalse();
            assertThat(attributes(policy, "status", "String", "SHIPPED")).isFalse();
        }

        @Test
        void numeric_exact_match_compares_numbers_not_text() {
            String policy = "{\"qty\": [100]}";
            assertThat(attributes(policy, "qty", "Number", "100")).isTrue();
            assertThat(attributes(policy, "qty", "Number", "100.0")).isTrue();
            assertThat(attributes(policy, "qty", "Number", "1e2")).isTrue();
            assertThat(attributes(policy, "qty", "Number", "101")).isFalse();
            // SNS types strictly: a String attribute never satisfies a numeric condition.
            assertThat(attributes(policy, "qty", "String", "100")).isFalse();
        }

        @Test
        void numeric_equals_operator() {
            assertThat(attributes("{\"n\": [{\"numeric\": [\"=\", 3.5]}]}", "n", "Number", "3.50")).isTrue();
            assertThat(attributes("{\"n\": [{\"numeric\": [\"=\", 3.5]}]}", "n", "Number", "3.6")).isFalse();
        }

        @Test
        void numeric_range_includes_and_excludes_bounds() {
            String policy = """
                    {"price": [{"numeric": [">", 0, "<=", 100]}]}""";
            assertThat(attributes(policy, "price", "Number", "0")).isFalse();
            assertThat(attributes(policy, "price", "Number", "0.01")).isTrue();
            assertThat(attributes(policy, "price", "Number", "100")).isTrue();
            assertThat(attributes(policy, "price", "Number", "100.5")).isFalse();
            assertThat(attributes(policy, "price", "Number", "-3")).isFalse();
            assertThat(attributes(policy, "price", "String", "50")).isFalse();
        }

        @Test
        void one_sided_numeric_ranges() {
            assertThat(attributes("{\"n\": [{\"numeric\": [\">=\", 10]}]}", "n", "Number", "10")).isTrue();
            assertThat(attributes("{\"n\": [{\"numeric\": [\">=\", 10]}]}", "n", "Number", "9.99")).isFalse();
            assertThat(attributes("{\"n\": [{\"numeric\": [\"<\", 10]}]}", "n", "Number", "9.99")).isTrue();
            assertThat(attributes("{\"n\": [{\"numeric\": [\"<\", 10]}]}", "n", "Number", "10")).isFalse();
        }

        @Test
        void anything_but_single_value_list_and_numbers() {
            assertThat(attributes("{\"s\": [{\"anything-but\": \"CANCELLED\"}]}", "s", "String", "SHIPPED")).isTrue();
            assertThat(attributes("{\"s\": [{\"anything-but\": \"CANCELLED\"}]}", "s", "String", "CANCELLED")).isFalse();
            String list = "{\"s\": [{\"anything-but\": [\"CANCELLED\", \"REFUNDED\"]}]}";
            assertThat(attributes(list, "s", "String", "REFUNDED")).isFalse();
            assertThat(attributes(list, "s", "String", "PAID")).isTrue();
            assertThat(attributes("{\"n\": [{\"anything-but\": [100, 200]}]}", "n", "Number", "200")).isFalse();
            assertThat(attributes("{\"n\": [{\"anything-but\": [100, 200]}]}", "n", "Number", "150")).isTrue();
            // An absent attribute matches nothing but exists:false, anything-but included.
            assertThat(attributes("{\"s\": [{\"anything-but\": \"CANCELLED\"}]}")).isFalse();
        }

        @Test
        void anything_but_prefix_suffix_and_ignore_case() {
            assertThat(attributes("{\"s\": [{\"anything-but\": {\"prefix\": \"test-\"}}]}", "s", "String", "test-1")).isFalse();
            assertThat(attributes("{\"s\": [{\"anything-but\": {\"prefix\": \"test-\"}}]}", "s", "String", "prod-1")).isTrue();
            assertThat(attributes("{\"s\": [{\"anything-but\": {\"suffix\": \".tmp\"}}]}", "s", "String", "a.tmp")).isFalse();
            assertThat(attributes("{\"s\": [{\"anything-but\": {\"suffix\": \".tmp\"}}]}", "s", "String", "a.txt")).isTrue();
            String ignoreCase = "{\"s\": [{\"anything-but\": {\"equals-ignore-case\": [\"red\", \"blue\"]}}]}";
            assertThat(attributes(ignoreCase, "s", "String", "RED")).isFalse();
            assertThat(attributes(ignoreCase, "s", "String", "Green")).isTrue();
        }

        @Test
        void prefix_suffix_and_equals_ignore_case() {
            assertThat(attributes("{\"s\": [{\"prefix\": \"ord-\"}]}", "s", "String", "ord-42")).isTrue();
            assertThat(attributes("{\"s\": [{\"prefix\": \"ord-\"}]}", "s", "String", "ORD-42")).isFalse();
            assertThat(attributes("{\"s\": [{\"prefix\": \"ord-\"}]}", "s", "String", "or")).isFalse();
            assertThat(attributes("{\"s\": [{\"suffix\": \".png\"}]}", "s", "String", "a.png")).isTrue();
            assertThat(attributes("{\"s\": [{\"suffix\": \".png\"}]}", "s", "String", "a.jpg")).isFalse();
            assertThat(attributes("{\"s\": [{\"suffix\": \".png\"}]}", "s", "String", "png")).isFalse();
            assertThat(attributes("{\"s\": [{\"equals-ignore-case\": \"Shipped\"}]}", "s", "String", "SHIPPED")).isTrue();
            assertThat(attributes("{\"s\": [{\"equals-ignore-case\": \"Shipped\"}]}", "s", "String", "SHIP")).isFalse();
            assertThat(attributes("{\"s\": [{\"prefix\": {\"equals-ignore-case\": \"ord-\"}}]}", "s", "String", "ORD-1")).isTrue();
            assertThat(attributes("{\"s\": [{\"suffix\": {\"equals-ignore-case\": \".PNG\"}}]}", "s", "String", "x.png")).isTrue();
        }

        @Test
        void exists_true_and_false() {
            assertThat(attributes("{\"c\": [{\"exists\": true}]}", "c", "String", "x")).isTrue();
            assertThat(attributes("{\"c\": [{\"exists\": true}]}", "d", "String", "x")).isFalse();
            assertThat(attributes("{\"c\": [{\"exists\": false}]}", "d", "String", "x")).isTrue();
            assertThat(attributes("{\"c\": [{\"exists\": false}]}", "c", "String", "x")).isFalse();
            assertThat(attributes("{\"c\": [{\"exists\": true}]}", "c", "Binary", "AAE=")).isTrue();
        }

        @Test
        void conditions_for_one_key_are_ored() {
            String policy = """
                    {"s": ["PAID", {"prefix": "SHIP"}, {"exists": false}]}""";
            assertThat(attributes(policy, "s", "String", "PAID")).isTrue();
            assertThat(attributes(policy, "s", "String", "SHIPPED")).isTrue();
            assertThat(attributes(policy)).isTrue();
            assertThat(attributes(policy, "s", "String", "CREATED")).isFalse();
        }

        @Test
        void string_array_attribute_matches_when_any_element_matches() {
            String policy = "{\"tags\": [\"vip\"]}";
            assertThat(attributes(policy, "tags", "String.Array", "[\"new\", \"vip\"]")).isTrue();
            assertThat(attributes(policy, "tags", "String.Array", "[\"new\"]")).isFalse();
            assertThat(attributes("{\"tags\": [{\"numeric\": [\">\", 5]}]}", "tags", "String.Array", "[1, 7]")).isTrue();
        }

        @Test
        void or_combines_alternative_objects_and_is_anded_with_other_keys() {
            String policy = """
                    {"source": ["shop"],
                     "$or": [{"status": ["SHIPPED"]}, {"priority": [{"numeric": [">=", 5]}]}]}""";
            assertThat(attributes(policy, "source", "String", "shop", "status", "String", "SHIPPED")).isTrue();
            assertThat(attributes(policy, "source", "String", "shop", "priority", "Number", "7")).isTrue();
            assertThat(attributes(policy, "source", "String", "shop", "priority", "Number", "1")).isFalse();
            assertThat(attributes(policy, "source", "String", "web", "status", "String", "SHIPPED")).isFalse();
        }

        @Test
        void cidr_matches_ipv_4_addresses() {
            String policy = "{\"ip\": [{\"cidr\": \"10.0.0.0/24\"}]}";
            assertThat(attributes(policy, "ip", "String", "10.0.0.255")).isTrue();
            assertThat(attributes(policy, "ip", "String", "10.0.1.1")).isFalse();
            assertThat(attributes(policy, "ip", "String", "not-an-ip")).isFalse();
        }

        @Test
        void binary_attributes_only_satisfy_exists() {
            assertThat(attributes("{\"b\": [\"AAE=\"]}", "b", "Binary", "AAE=")).isFalse();
        }

        @Test
        void empty_policy_matches_everything() {
            assertThat(attributes("{}")).isTrue();
        }

        @Test
        void custom_type_suffixes_keep_their_base_type() {
            assertThat(attributes("{\"n\": [{\"numeric\": [\">\", 1]}]}", "n", "Number.float", "1.5")).isTrue();
            assertThat(attributes("{\"s\": [\"x\"]}", "s", "String.custom", "x")).isTrue();
        }
    }

    @Nested
    class BodyScope {
        private static final String ORDER = """
                {"order": {"status": "SHIPPED", "total": 42.5, "items": [{"sku": "A-1"}, {"sku": "B-2"}],
                           "gift": false, "note": null, "customer": {"tier": "gold"}},
                 "source": "shop", "tags": ["vip", "new"]}""";

        @Test
        void nested_keys_match_leaves() {
            assertThat(body("{\"order\": {\"status\": [\"SHIPPED\"]}}", ORDER)).isTrue();
            assertThat(body("{\"order\": {\"status\": [\"PAID\"]}}", ORDER)).isFalse();
            assertThat(body("{\"order\": {\"customer\": {\"tier\": [\"gold\"]}}}", ORDER)).isTrue();
            assertThat(body("{\"source\": [\"shop\"], \"order\": {\"total\": [{\"numeric\": [\">\", 40]}]}}", ORDER)).isTrue();
            assertThat(body("{\"source\": [\"web\"], \"order\": {\"total\": [{\"numeric\": [\">\", 40]}]}}", ORDER)).isFalse();
        }

        @Test
        void arrays_in_the_body_match_when_any_element_matches() {
            assertThat(body("{\"tags\": [\"vip\"]}", ORDER)).isTrue();
            assertThat(body("{\"order\": {\"items\": {\"sku\": [{\"prefix\": \"B-\"}]}}}", ORDER)).isTrue();
            assertThat(body("{\"order\": {\"items\": {\"sku\": [\"C-3\"]}}}", ORDER)).isFalse();
        }

        @Test
        void booleans_and_null() {
            assertThat(body("{\"order\": {\"gift\": [false]}}", ORDER)).isTrue();
            assertThat(body("{\"order\": {\"gift\": [true]}}", ORDER)).isFalse();
            assertThat(body("{\"order\": {\"note\": [null]}}", ORDER)).isTrue();
            assertThat(body("{\"order\": {\"status\": [null]}}", ORDER)).isFalse();
        }

        @Test
        void exists_looks_at_leaves_only() {
            assertThat(body("{\"order\": {\"status\": [{\"exists\": true}]}}", ORDER)).isTrue();
            assertThat(body("{\"order\": {\"coupon\": [{\"exists\": false}]}}", ORDER)).isTrue();
            assertThat(body("{\"order\": {\"coupon\": [{\"exists\": true}]}}", ORDER)).isFalse();
            // "customer" is an object, not a leaf.
            assertThat(body("{\"order\": {\"customer\": [{\"exists\": true}]}}", ORDER)).isFalse();
        }

        @Test
        void or_works_inside_nested_objects() {
            String policy = """
                    {"order": {"$or": [{"status": ["PAID"]}, {"customer": {"tier": ["gold"]}}]}}""";
            assertThat(body(policy, ORDER)).isTrue();
            assertThat(body(policy, ORDER.replace("gold", "silver"))).isFalse();
        }

        @Test
        void numbers_in_the_body_are_not_strings() {
            assertThat(body("{\"order\": {\"total\": [42.5]}}", ORDER)).isTrue();
            assertThat(body("{\"order\": {\"total\": [\"42.5\"]}}", ORDER)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"plain text", "[1, 2]", "42", "", "{broken"})
        void body_that_is_not_a_json_object_matches_nothing(String message) {
            assertThat(body("{\"source\": [{\"exists\": false}]}", message)).isFalse();
        }

        @Test
        void scope_decides_what_matches_looks_at() {
            FilterPolicy policy = FilterPolicy.parse("{\"source\": [\"shop\"]}", MESSAGE_BODY);
            assertThat(policy.matches(attrs("source", "String", "web"), ORDER)).isTrue();
            FilterPolicy attributePolicy = FilterPolicy.parse("{\"source\": [\"shop\"]}", MESSAGE_ATTRIBUTES);
            assertThat(attributePolicy.matches(attrs("source", "String", "web"), ORDER)).isFalse();
        }
    }

    @Nested
    class Validation {
        @ParameterizedTest
        @ValueSource(strings = {
                "not json",
                "[\"a\"]",
                "{\"a\": \"b\"}",
                "{\"a\": []}",
                "{\"a\": [[\"b\"]]}",
                "{\"a\": [{\"wildcard\": \"x*\"}]}",
                "{\"a\": [{\"prefix\": 1}]}",
                "{\"a\": [{\"exists\": \"yes\"}]}",
                "{\"a\": [{\"numeric\": [\">\"]}]}",
                "{\"a\": [{\"numeric\": [\"!=\", 1]}]}",
                "{\"a\": [{\"numeric\": [\">\", \"1\"]}]}",
                "{\"a\": [{\"numeric\": [\">\", 10, \"<\", 5]}]}",
                "{\"a\": [{\"numeric\": [\"<\", 10, \">\", 5]}]}",
                "{\"a\": [{\"anything-but\": []}]}",
                "{\"a\": [{\"anything-but\": {\"wildcard\": \"x\"}}]}",
                "{\"a\": [{\"prefix\": \"x\", \"suffix\": \"y\"}]}",
                "{\"$or\": [{\"a\": [\"x\"]}]}",
                "{\"a\": [{\"cidr\": \"10.0.0.0/33\"}]}",
                "{\"a\": {\"b\": [\"x\"]}}"
        })
        void rejects_invalid_attribute_policies(String policy) {
            assertThatIllegalArgumentException().isThrownBy(() -> FilterPolicy.parse(policy, MESSAGE_ATTRIBUTES));
        }

        @Test
        void nesting_is_allowed_in_the_body_scope() {
            assertThat(FilterPolicy.parse("{\"a\": {\"b\": [\"x\"]}}", MESSAGE_BODY).scope()).isEqualTo(MESSAGE_BODY);
        }

        @Test
        void scope_attribute_values() {
            assertThat(FilterPolicy.Scope.fromAttributeValue(null)).isEqualTo(MESSAGE_ATTRIBUTES);
            assertThat(FilterPolicy.Scope.fromAttributeValue("MessageBody")).isEqualTo(MESSAGE_BODY);
            assertThatIllegalArgumentException().isThrownBy(() -> FilterPolicy.Scope.fromAttributeValue("Body"));
        }
    }
}

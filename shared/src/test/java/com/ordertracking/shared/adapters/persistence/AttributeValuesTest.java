package com.ordertracking.shared.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Buyer;
import com.ordertracking.shared.domain.Discount;
import com.ordertracking.shared.domain.LineItem;
import com.ordertracking.shared.domain.Order;
import com.ordertracking.shared.domain.OrderStatus;
import com.ordertracking.shared.domain.Totals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AttributeValuesTest {
    private static final JsonNodeFactory EXACT = JsonNodeFactory.withExactBigDecimals(true);

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String roundTrip(String json) {
        return Json.write(AttributeValues.toObject(AttributeValues.fromObject(parse(json))));
    }

    @Test
    void nested_objects_and_arrays_map_to_native_dynamo_db_maps_and_lists() {
        // GIVEN a nested JSON object
        JsonNode json = parse("""
                {"id": "ord_1", "price": "12.50", "qty": 3, "paid": true,
                 "buyer": {"name": "Ann", "tags": ["vip", 7]}}""");
        // WHEN converted
        Map<String, AttributeValue> item = AttributeValues.fromObject(json);
        // THEN every value has its native type, in the original field order
        assertThat(item).containsExactly(
                Map.entry("id", AttributeValue.fromS("ord_1")),
                Map.entry("price", AttributeValue.fromS("12.50")),
                Map.entry("qty", AttributeValue.fromN("3")),
                Map.entry("paid", AttributeValue.fromBool(true)),
                Map.entry("buyer", AttributeValue.fromM(Map.of(
                        "name", AttributeValue.fromS("Ann"),
                        "tags", AttributeValue.fromL(List.of(AttributeValue.fromS("vip"), AttributeValue.fromN("7")))))));
    }

    @Test
    void round_trip_preserves_nested_structure_strings_and_numbers() {
        String json = """
                {"id":"ord_1","price":"12.50","qty":3,"neg":-42,"ratio":0.1,"flag":false,\
                "big":12345678901234567890,\
                "huge":123456789012345678901234567890.123456789,\
                "nested":{"a":{"b":[1,"two",{"d":true},[2.25,"x"]]}},"empty":{},"list":[]}""";
        assertThat(roundTrip(json)).isEqualTo(json);
    }

    @Test
    void null_fields_are_omitted_at_every_object_level() {
        // GIVEN nulls in the top-level object and in a nested one
        Map<String, AttributeValue> item = AttributeValues.fromObject(parse("""
                {"a": null, "b": 1, "nested": {"c": null, "d": "x"}}"""));
        // THEN they are not stored at all
        assertThat(item).containsOnlyKeys("b", "nested");
        assertThat(item.get("nested").m()).containsOnlyKeys("d");
        assertThat(roundTrip("{\"a\":null,\"b\":1,\"nested\":{\"c\":null,\"d\":\"x\"}}"))
                .isEqualTo("{\"b\":1,\"nested\":{\"d\":\"x\"}}");
    }

    @Test
    void nulls_inside_arrays_keep_their_position() {
        Map<String, AttributeValue> item = AttributeValues.fromObject(parse("{\"l\": [1, null, 3]}"));
        assertThat(item.get("l").l()).containsExactly(
                AttributeValue.fromN("1"), AttributeValue.fromNul(true), AttributeValue.fromN("3"));
        assertThat(roundTrip("{\"l\":[1,null,3]}")).isEqualTo("{\"l\":[1,null,3]}");
    }

    @Test
    void exact_decimal_numbers_keep_their_scale_both_ways() {
        // GIVEN a number node that keeps its trailing zero (an exact tree)
        ObjectNode exact = EXACT.objectNode().put("amount", new BigDecimal("12.50"));
        // WHEN stored THEN the DynamoDB number text is exact
        Map<String, AttributeValue> item = AttributeValues.fromObject(exact);
        assertThat(item.get("amount").n()).isEqualTo("12.50");
        // AND reading it back keeps the scale
        JsonNode back = AttributeValues.toObject(item).get("amount");
        assertThat(back.decimalValue()).isEqualTo(new BigDecimal("12.50"));
        assertThat(Json.write(AttributeValues.toObject(item))).isEqualTo("{\"amount\":12.50}");
    }

    @Test
    void numbers_are_written_in_plain_notation_and_read_back_by_magnitude() {
        Map<String, AttributeValue> item = AttributeValues.fromObject(EXACT.objectNode()
                .put("thousand", new BigDecimal("1E+3"))
                .put("tiny", new BigDecimal("1E-10"))
                .put("maxLong", Long.MAX_VALUE)
                .put("huge", new BigDecimal("1E+30")));
        assertThat(item.get("thousand").n()).isEqualTo("1000");
        assertThat(item.get("tiny").n()).isEqualTo("0.0000000001");
        assertThat(item.get("huge").n()).isEqualTo("1" + "0".repeat(30));

        ObjectNode back = AttributeValues.toObject(item);
        assertThat(back.get("thousand").isIntegralNumber()).isTrue();
        assertThat(back.get("thousand").longValue()).isEqualTo(1000L);
        assertThat(back.get("tiny").decimalValue()).isEqualByComparingTo("1E-10");
        assertThat(back.get("maxLong").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(Long.MAX_VALUE));
        assertThat(back.get("huge").decimalValue()).isEqualByComparingTo("1E+30");
    }

    @Test
    void dynamo_only_types_are_read_as_json_arrays_and_binary() throws Exception {
        ObjectNode json = AttributeValues.toObject(Map.of(
                "ss", AttributeValue.fromSs(List.of("a", "b")),
                "ns", AttributeValue.fromNs(List.of("1", "2.5")),
                "b", AttributeValue.fromB(SdkBytes.fromUtf8String("hi"))));
        assertThat(json.get("ss")).containsExactly(EXACT.textNode("a"), EXACT.textNode("b"));
        assertThat(json.get("ns").get(0).longValue()).isEqualTo(1L);
        assertThat(json.get("ns").get(1).decimalValue()).isEqualByComparingTo("2.5");
        assertThat(json.get("b").binaryValue()).isEqualTo("hi".getBytes());
    }

    @Test
    void only_objects_map_to_items() {
        assertThatIllegalArgumentException().isThrownBy(() -> AttributeValues.fromObject(parse("[1]")));
        assertThatIllegalArgumentException().isThrownBy(() -> AttributeValues.fromObject(parse("\"x\"")));
    }

    @Test
    void a_whole_order_survives_the_round_trip_unchanged() {
        // GIVEN a realistic order serialised with the application's mapper (money as strings)
        Instant at = Instant.parse("2025-03-01T12:34:56.789Z");
        Order order = new Order("ord_abc", "seller-1",
                new Buyer("buyer-1", "Ann", null, "+14155550123"),
                List.of(new LineItem("MUG", "Mug", 2, new BigDecimal("12.50"), new BigDecimal("25.00"))),
                new Address("Ann", "1 Main St", null, "Springfield", "IL", "62701", "US", null),
                "USD",
                new Discount(null, "Sale", new BigDecimal("10"), null, new BigDecimal("2.50")),
                new Totals(new BigDecimal("25.00"), new BigDecimal("2.50"), new BigDecimal("4.99"),
                        new BigDecimal("27.49")),
                OrderStatus.PENDING, 1, at, at, null, null, null, null, null, null, List.of());
        // WHEN stored as an attribute map and read back
        Map<String, AttributeValue> item = AttributeValues.fromObject(Json.tree(order));
        Order back = Json.convert(AttributeValues.toObject(item), Order.class);
        // THEN nothing changed, not even the scale of amounts
        assertThat(back).isEqualTo(order);
        assertThat(item.get("totals").m().get("total")).isEqualTo(AttributeValue.fromS("27.49"));
        assertThat(item.get("version")).isEqualTo(AttributeValue.fromN("1"));
        assertThat(item.get("buyer").m()).doesNotContainKey("email");
    }
}

package com.ordertracking.shared.adapters.http.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.FieldError;
import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.application.order.NewOrder;
import com.ordertracking.shared.domain.Address;
import com.ordertracking.shared.domain.Buyer;
import com.ordertracking.shared.domain.Pricing.DiscountRequest;
import com.ordertracking.shared.domain.Pricing.LineRequest;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /orders} body validation: every mistake, with its exact field path, in one go. */
public class NewOrderTest {

    static final String VALID = """
            {
              "buyer": {"id": "buyer-1", "name": "Ann Lee", "email": "ann@example.com", "phone": "+14155550123"},
              "currency": "USD",
              "items": [
                {"sku": "MUG-01", "name": "Mug", "quantity": 2, "unitPrice": 12.50},
                {"sku": "TEE-M", "name": "T-shirt", "quantity": 1, "unitPrice": "19.99"}
              ],
              "shippingAddress": {"name": "Ann Lee", "line1": "1 Main St", "line2": "Apt 2", "city": "Springfield",
                                  "region": "IL", "postalCode": "62701", "country": "US", "phone": "+14155550124"},
              "discount": {"description": "Spring sale", "percentOff": 10},
              "shippingFee": "4.99"
            }
            """;

    /** A fresh copy of the valid body, changed by {@code edit}. */
    public static ObjectNode body(Consumer<ObjectNode> edit) {
        try {
            ObjectNode body = (ObjectNode) Json.parse(VALID);
            edit.accept(body);
            return body;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode obj(ObjectNode body, String name) {
        return (ObjectNode) body.get(name);
    }

    public static ObjectNode item(ObjectNode body, int index) {
        return (ObjectNode) body.get("items").get(index);
    }

    /** Parses a body that must be invalid and returns its errors. */
    static List<FieldError> errorsOf(JsonNode body) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> OrderBodies.newOrder(body));
        assertThat(e).as("expected a ValidationException").isNotNull();
        return e.errors();
    }

    static List<String> fieldsOf(JsonNode body) {
        return errorsOf(body).stream().map(FieldError::field).toList();
    }

    @Nested
    class ValidBody {
        @Test
        void valid_body_parses_into_the_domain_values() {
            // GIVEN a complete, valid body WHEN parsed
            NewOrder order = OrderBodies.newOrder(body(b -> { }));
            // THEN every part is read, text as given and amounts as decimals
            assertThat(order.buyer()).isEqualTo(new Buyer("buyer-1", "Ann Lee", "ann@example.com", "+14155550123"));
            assertThat(order.currency()).isEqualTo(Currency.getInstance("USD"));
            assertThat(order.items()).extracting(LineRequest::sku, LineRequest::name, LineRequest::quantity)
                    .containsExactly(tuple("MUG-01", "Mug", 2), tuple("TEE-M", "T-shirt", 1));
            assertThat(order.items().get(0).unitPrice()).isEqualByComparingTo("12.50");
            assertThat(order.items().get(1).unitPrice()).isEqualByComparingTo("19.99");
            assertThat(order.shippingAddress()).isEqualTo(new Address("Ann Lee", "1 Main St", "Apt 2", "Springfield",
                    "IL", "62701", "US", "+14155550124"));
            assertThat(order.discount().description()).isEqualTo("Spring sale");
            assertThat(order.discount().percentOff()).isEqualByComparingTo("10");
            assertThat(order.discount().amountOff()).isNull();
            assertThat(order.shippingFee()).isEqualByComparingTo("4.99");
        }

        @Test
        void minimal_body_without_optional_parts_parses() {
            NewOrder order = OrderBodies.newOrder(body(b -> {
                b.remove(List.of("discount", "shippingFee"));
                obj(b, "buyer").remove(List.of("email", "phone"));
                obj(b, "shippingAddress").remove(List.of("line2", "region", "phone"));
            }));
            assertThat(order.discount()).isNull();
            assertThat(order.shippingFee()).isNull();
            assertThat(order.buyer().email()).isNull();
            assertThat(order.shippingAddress().line2()).isNull();
        }

        @Test
        void text_is_stripped_of_surrounding_whitespace() {
            NewOrder order = OrderBodies.newOrder(body(b -> obj(b, "buyer").put("name", "  Ann Lee \n")));
            assertThat(order.buyer().name()).isEqualTo("Ann Lee");
        }

        @Test
        void explicit_nulls_count_as_absent_for_optional_fields() {
            NewOrder order = OrderBodies.newOrder(body(b -> {
                b.putNull("discount");
                b.putNull("shippingFee");
                obj(b, "buyer").putNull("email");
            }));
            assertThat(order.discount()).isNull();
            assertThat(order.buyer().email()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"12.50", " 12.50 ", "12.5", "1250E-2"})
        void unit_price_may_be_a_numeric_string(String price) {
            NewOrder order = OrderBodies.newOrder(body(b -> item(b, 0).put("unitPrice", price)));
            assertThat(order.items().getFirst().unitPrice()).isEqualByComparingTo("12.50");
        }

        @Test
        void amounts_are_normalised_to_the_currency_scale_so_equal_requests_are_equal() {
            // GIVEN the same price written three ways
            NewOrder asNumber = OrderBodies.newOrder(body(b -> item(b, 0).put("unitPrice", new BigDecimal("12.5"))));
            NewOrder asString = OrderBodies.newOrder(body(b -> item(b, 0).put("unitPrice", "12.50")));
            NewOrder asShortString = OrderBodies.newOrder(body(b -> item(b, 0).put("unitPrice", "12.5")));
            // THEN the parsed requests are identical, held at the currency's scale
            assertThat(asString.items().getFirst().unitPrice()).isEqualTo(new BigDecimal("12.50"));
            assertThat(asNumber).isEqualTo(asString).isEqualTo(asShortString);
        }

        @Test
        void zero_decimal_currency_accepts_whole_amounts() {
            NewOrder order = OrderBodies.newOrder(body(b -> {
                b.put("currency", "JPY");
                item(b, 0).put("unitPrice", 1500);
                item(b, 1).put("unitPrice", "2000");
                b.put("shippingFee", "500.00");
            }));
            assertThat(order.items()).extracting(LineRequest::unitPrice)
                    .containsExactly(new BigDecimal("1500"), new BigDecimal("2000"));
            assertThat(order.shippingFee()).isEqualTo(new BigDecimal("500"));
        }

        @Test
        void amount_discount_is_accepted() {
            NewOrder order = OrderBodies.newOrder(body(b -> b.set("discount",
                    JsonNodeFactory.instance.objectNode().put("amountOff", "5"))));
            assertThat(order.discount()).isEqualTo(new DiscountRequest(null, null, null, new BigDecimal("5.00")));
        }

        @Test
        void hong_kong_address_needs_no_postal_code() {
            NewOrder order = OrderBodies.newOrder(body(b -> {
                obj(b, "shippingAddress").put("country", "HK").remove("postalCode");
            }));
            assertThat(order.shippingAddress().postalCode()).isNull();
            assertThat(order.shippingAddress().country()).isEqualTo("HK");
        }
    }

    @Nested
    class Mistakes {
        @Test
        void five_mistakes_are_reported_as_five_errors_at_once() {
            // GIVEN a body with five unrelated mistakes
            ObjectNode body = body(b -> {
                b.put("notes", "leave at door");                           // unknown field
                b.put("currency", "usd");                                  // not an ISO code (lower case)
                obj(b, "buyer").put("phone", "555-0123");                  // not E.164
                item(b, 1).put("quantity", 0);                             // below 1
                obj(b, "shippingAddress").put("country", "ZZ");            // unknown country
            });
            // WHEN parsed THEN all five are reported, each with its full path
            assertThat(errorsOf(body)).extracting(FieldError::field).containsExactlyInAnyOrder(
                    "notes", "currency", "buyer.phone", "items[1].quantity", "shippingAddress.country");
        }

        @Test
        void error_messages_explain_the_rule() {
            ObjectNode body = body(b -> {
                obj(b, "buyer").put("phone", "555-0123");
                item(b, 1).put("quantity", 0);
                obj(b, "shippingAddress").put("country", "ZZ");
            });
            assertThat(errorsOf(body)).containsExactlyInAnyOrder(
                    new FieldError("buyer.phone", "must be an E.164 phone number, e.g. +14155550123"),
                    new FieldError("items[1].quantity", "must be between 1 and 10000"),
                    new FieldError("shippingAddress.country",
                            "must be an ISO 3166-1 alpha-2 country code in upper case, e.g. US"));
        }

        @Test
        void empty_object_reports_every_required_top_level_field() {
            assertThat(fieldsOf(JsonNodeFactory.instance.objectNode()))
                    .containsExactlyInAnyOrder("buyer", "currency", "items", "shippingAddress");
        }

        @Test
        void missing_required_nested_fields_are_reported_with_their_paths() {
            ObjectNode body = body(b -> {
                obj(b, "buyer").remove("id");
                item(b, 0).remove("sku");
                item(b, 1).remove("unitPrice");
                obj(b, "shippingAddress").remove("city");
            });
            assertThat(errorsOf(body)).containsExactlyInAnyOrder(
                    new FieldError("buyer.id", "is required"),
                    new FieldError("items[0].sku", "is required"),
                    new FieldError("items[1].unitPrice", "is required"),
                    new FieldError("shippingAddress.city", "is required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "\"order\"", "42", "null", "true"})
        void non_object_body_is_a_single_body_error(String json) throws Exception {
            assertThat(errorsOf(Json.parse(json))).containsExactly(new FieldError("body", "must be a JSON object"));
        }

        @Test
        void missing_body_is_a_body_error() {
            assertThat(fieldsOf(null)).containsExactly("body");
        }

        @Test
        void unknown_fields_are_rejected_at_every_level() {
            ObjectNode body = body(b -> {
                b.put("coupon", "X");
                obj(b, "buyer").put("age", 30);
                item(b, 0).put("colour", "red");
                obj(b, "shippingAddress").put("zip", "62701");
                obj(b, "discount").put("code", "SPRING");
            });
            assertThat(errorsOf(body)).extracting(FieldError::field, FieldError::message).containsExactlyInAnyOrder(
                    tuple("coupon", "is not a known field"),
                    tuple("buyer.age", "is not a known field"),
                    tuple("items[0].colour", "is not a known field"),
                    tuple("shippingAddress.zip", "is not a known field"),
                    tuple("discount.code", "is not a known field"));
        }

        @Test
        void wrong_json_types_are_reported() {
            ObjectNode body = body(b -> {
                b.put("buyer", "buyer-1");
                b.put("items", "MUG-01");
                obj(b, "shippingAddress").put("line1", 12);
            });
            assertThat(errorsOf(body)).containsExactlyInAnyOrder(
                    new FieldError("buyer", "must be an object"),
                    new FieldError("items", "must be an array"),
                    new FieldError("shippingAddress.line1", "must be a string"));
        }

        @Test
        void items_must_be_a_non_empty_array_of_objects() {
            assertThat(errorsOf(body(b -> b.putArray("items"))))
                    .containsExactly(new FieldError("items", "must contain between 1 and 100 entries"));
            ObjectNode withScalarItem = body(b -> ((ArrayNode) b.get("items")).add("MUG-01"));
            assertThat(errorsOf(withScalarItem)).containsExactly(new FieldError("items[2]", "must be an object"));
        }

        @Test
        void more_than_one_hundred_items_are_rejected() {
            ObjectNode body = body(b -> {
                ArrayNode items = b.putArray("items");
                for (int i = 0; i <= OrderRequests.MAX_ITEMS; i++) {
                    items.addObject().put("sku", "S" + i).put("name", "n").put("quantity", 1).put("unitPrice", "1");
                }
            });
            assertThat(fieldsOf(body)).containsExactly("items");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "10001", "1.5", "\"2\"", "true"})
        void quantity_must_be_a_whole_number_from_one_to_ten_thousand(String quantity) throws Exception {
            ObjectNode body = body(b -> item(b, 1).set("quantity", parse(quantity)));
            assertThat(fieldsOf(body)).containsExactly("items[1].quantity");
        }

        @Test
        void too_many_decimals_for_the_currency_are_reported() {
            ObjectNode body = body(b -> {
                item(b, 0).put("unitPrice", new BigDecimal("12.345"));
                item(b, 1).put("unitPrice", "19.999");
                b.put("shippingFee", "4.991");
            });
            assertThat(errorsOf(body)).containsExactlyInAnyOrder(
                    new FieldError("items[0].unitPrice", "has more decimals than USD allows (2)"),
                    new FieldError("items[1].unitPrice", "has more decimals than USD allows (2)"),
                    new FieldError("shippingFee", "has more decimals than USD allows (2)"));
        }

        @Test
        void yen_amounts_may_not_have_decimals() {
            ObjectNode body = body(b -> {
                b.put("currency", "JPY");
                item(b, 0).put("unitPrice", "1500.5");
                item(b, 1).put("unitPrice", "2000");
                b.remove("shippingFee");
            });
            assertThat(errorsOf(body))
                    .containsExactly(new FieldError("items[0].unitPrice", "has more decimals than JPY allows (0)"));
        }

        @Test
        void amounts_must_be_non_negative_numbers_below_one_million() {
            ObjectNode body = body(b -> {
                item(b, 0).put("unitPrice", "-1");
                item(b, 1).put("unitPrice", "1000000");
                b.put("shippingFee", "free");
            });
            assertThat(errorsOf(body)).containsExactlyInAnyOrder(
                    new FieldError("items[0].unitPrice", "must not be negative"),
                    new FieldError("items[1].unitPrice", "must be less than 1000000"),
                    new FieldError("shippingFee", "must be a decimal number, e.g. 12.50"));
        }

        @Test
        void duplicate_skus_are_reported_on_the_repeated_line() {
            ObjectNode body = body(b -> {
                ((ArrayNode) b.get("items")).addObject()
                        .put("sku", "MUG-01").put("name", "Mug again").put("quantity", 1).put("unitPrice", "12.50");
            });
            assertThat(errorsOf(body)).containsExactly(
                    new FieldError("items[2].sku", "appears more than once; combine the quantities in one line"));
        }

        @Test
        void us_address_requires_a_postal_code() {
            ObjectNode body = body(b -> obj(b, "shippingAddress").remove("postalCode"));
            assertThat(errorsOf(body))
                    .containsExactly(new FieldError("shippingAddress.postalCode", "is required for addresses in US"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"us", "USA", "ZZ", "U1"})
        void country_must_be_an_upper_case_iso_alpha_2_code(String country) {
            ObjectNode body = body(b -> obj(b, "shippingAddress").put("country", country));
            // a bad country is one error: no postal-code rule is applied on top of it
            assertThat(fieldsOf(body)).containsExactly("shippingAddress.country");
        }

        @ParameterizedTest
        @ValueSource(strings = {"usd", "US", "XYZ", "XAU", "DOLLARS", "12A"})
        void currency_must_be_an_iso_currency_code_with_minor_units(String currency) {
            ObjectNode body = body(b -> b.put("currency", currency));
            assertThat(fieldsOf(body)).containsExactly("currency");
        }

        @Test
        void bad_currency_still_validates_the_rest_of_the_body() {
            ObjectNode body = body(b -> {
                b.put("currency", "XYZ");
                item(b, 0).put("quantity", -5);
            });
            assertThat(fieldsOf(body)).containsExactlyInAnyOrder("currency", "items[0].quantity");
        }

        @ParameterizedTest
        @ValueSource(strings = {"4155550123", "+0123456789", "+1 415 555 0123", "+1-415-555-0123", "+12345",
                "+1415555012a"})
        void buyer_phone_must_be_e_164(String phone) {
            ObjectNode body = body(b -> obj(b, "buyer").put("phone", phone));
            assertThat(errorsOf(body)).containsExactly(
                    new FieldError("buyer.phone", "must be an E.164 phone number, e.g. +14155550123"));
        }

        @Test
        void phone_longer_than_e_164_allows_is_too_long() {
            ObjectNode body = body(b -> obj(b, "shippingAddress").put("phone", "+12345678901234567"));
            assertThat(errorsOf(body))
                    .containsExactly(new FieldError("shippingAddress.phone", "must be at most 16 characters"));
        }

        @Test
        void bad_email_is_reported() {
            ObjectNode body = body(b -> obj(b, "buyer").put("email", "ann.example.com"));
            assertThat(errorsOf(body)).containsExactly(new FieldError("buyer.email", "must be an email address"));
        }

        @Test
        void blank_and_too_long_text_are_reported() {
            ObjectNode body = body(b -> {
                obj(b, "buyer").put("name", "   ");
                item(b, 0).put("sku", "S".repeat(65));
            });
            assertThat(errorsOf(body)).containsExactlyInAnyOrder(
                    new FieldError("buyer.name", "must not be blank"),
                    new FieldError("items[0].sku", "must be at most 64 characters"));
        }

        @Test
        void discount_needs_exactly_one_of_percent_off_or_amount_off() {
            ObjectNode both = body(b -> obj(b, "discount").put("amountOff", "5"));
            assertThat(errorsOf(both)).containsExactly(
                    new FieldError("discount.percentOff", "give exactly one of percentOff or amountOff"));
            ObjectNode neither = body(b -> obj(b, "discount").remove("percentOff"));
            assertThat(errorsOf(neither)).containsExactly(
                    new FieldError("discount.percentOff", "give exactly one of percentOff or amountOff"));
        }

        @Test
        void discount_mistake_is_reported_even_when_other_fields_are_also_wrong() {
            // GIVEN an empty discount AND an unrelated mistake elsewhere in the body
            ObjectNode body = body(b -> {
                obj(b, "discount").remove("percentOff");
                obj(b, "buyer").put("phone", "555-0123");
            });
            // THEN both mistakes are reported in the same response
            assertThat(fieldsOf(body)).containsExactlyInAnyOrder("buyer.phone", "discount.percentOff");
        }

        @Test
        void invalid_amount_off_is_not_also_reported_as_a_missing_discount() {
            ObjectNode body = body(b -> {
                obj(b, "discount").remove("percentOff");
                obj(b, "discount").put("amountOff", "-5");
            });
            assertThat(errorsOf(body)).containsExactly(new FieldError("discount.amountOff", "must not be negative"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-10", "100.01", "250"})
        void percent_off_must_be_above_zero_and_at_most_one_hundred(String percent) {
            ObjectNode body = body(b -> obj(b, "discount").put("percentOff", new BigDecimal(percent)));
            assertThat(errorsOf(body)).containsExactly(
                    new FieldError("discount.percentOff", "must be greater than 0 and at most 100"));
        }

        @Test
        void amount_off_must_be_above_zero() {
            ObjectNode body = body(b -> {
                obj(b, "discount").remove("percentOff");
                obj(b, "discount").put("amountOff", 0);
            });
            assertThat(errorsOf(body)).containsExactly(new FieldError("discount.amountOff", "must be greater than 0"));
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.ordertracking.shared.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"US", "HK", "DE", "JP", "KW", "GB"})
    void known_upper_case_alpha_2_codes_are_countries(String code) {
        assertThat(Formats.isCountryCode(code)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"us", "Us", "USA", "ZZ", "U", "UK", "1A"})
    void other_strings_are_not_countries(String code) {
        assertThat(Formats.isCountryCode(code)).isFalse();
    }

    @Test
    void postal_code_is_required_in_the_us_but_not_in_hong_kong() {
        assertThat(Formats.requiresPostalCode("US")).isTrue();
        assertThat(Formats.requiresPostalCode("DE")).isTrue();
        assertThat(Formats.requiresPostalCode("HK")).isFalse();
        assertThat(Formats.requiresPostalCode("AE")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"USD", "JPY", "KWD", "EUR", "BHD"})
    void iso_currencies_with_minor_units_are_accepted(String code) {
        assertThat(Formats.isCurrencyCode(code)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"usd", "Usd", "US", "USDD", "XYZ", "XAU", "XXX", "1SD"})
    void other_currency_codes_are_rejected(String code) {
        // XAU (gold) and XXX (no currency) are ISO codes without a minor unit: not money we price in
        assertThat(Formats.isCurrencyCode(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+14155550123", "+442071838750", "+8522345678", "+1234567", "+123456789012345"})
    void e_164_numbers_are_accepted(String phone) {
        assertThat(Formats.isE164(phone)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"14155550123", "+04155550123", "+123456", "+1234567890123456", "+1 415 555 0123",
            "+1(415)5550123", "++14155550123", "+1415555012x"})
    void non_e_164_numbers_are_rejected(String phone) {
        assertThat(Formats.isE164(phone)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann@example.com", "a.b+tag@sub.example.co.uk", "x@y.z"})
    void plausible_emails_are_accepted(String email) {
        assertThat(Formats.isEmail(email)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ann", "ann@example", "@example.com", "ann@@example.com", "ann @example.com",
            "ann@exa mple.com"})
    void implausible_emails_are_rejected(String email) {
        assertThat(Formats.isEmail(email)).isFalse();
    }

    @Test
    void emails_longer_than_254_characters_are_rejected() {
        String local = "a".repeat(64);
        String domain = "b".repeat(185) + ".com"; // 64 + 1 + 189 = 254
        assertThat(Formats.isEmail(local + "@" + domain)).isTrue();
        assertThat(Formats.isEmail(local + "a@" + domain)).isFalse();
    }
}

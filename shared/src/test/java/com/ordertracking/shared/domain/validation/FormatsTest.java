package com.ordertracking.shared.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"US", "HK", "DE", "JP", "KW", "GB"})
    void knownUpperCaseAlpha2CodesAreCountries(String code) {
        assertThat(Formats.isCountryCode(code)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"us", "Us", "USA", "ZZ", "U", "UK", "1A"})
    void otherStringsAreNotCountries(String code) {
        assertThat(Formats.isCountryCode(code)).isFalse();
    }

    @Test
    void postalCodeIsRequiredInTheUsButNotInHongKong() {
        assertThat(Formats.requiresPostalCode("US")).isTrue();
        assertThat(Formats.requiresPostalCode("DE")).isTrue();
        assertThat(Formats.requiresPostalCode("HK")).isFalse();
        assertThat(Formats.requiresPostalCode("AE")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"USD", "JPY", "KWD", "EUR", "BHD"})
    void isoCurrenciesWithMinorUnitsAreAccepted(String code) {
        assertThat(Formats.isCurrencyCode(code)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"usd", "Usd", "US", "USDD", "XYZ", "XAU", "XXX", "1SD"})
    void otherCurrencyCodesAreRejected(String code) {
        // XAU (gold) and XXX (no currency) are ISO codes without a minor unit: not money we price in
        assertThat(Formats.isCurrencyCode(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+14155550123", "+442071838750", "+8522345678", "+1234567", "+123456789012345"})
    void e164NumbersAreAccepted(String phone) {
        assertThat(Formats.isE164(phone)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"14155550123", "+04155550123", "+123456", "+1234567890123456", "+1 415 555 0123",
            "+1(415)5550123", "++14155550123", "+1415555012x"})
    void nonE164NumbersAreRejected(String phone) {
        assertThat(Formats.isE164(phone)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann@example.com", "a.b+tag@sub.example.co.uk", "x@y.z"})
    void plausibleEmailsAreAccepted(String email) {
        assertThat(Formats.isEmail(email)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ann", "ann@example", "@example.com", "ann@@example.com", "ann @example.com",
            "ann@exa mple.com"})
    void implausibleEmailsAreRejected(String email) {
        assertThat(Formats.isEmail(email)).isFalse();
    }

    @Test
    void emailsLongerThan254CharactersAreRejected() {
        String local = "a".repeat(64);
        String domain = "b".repeat(185) + ".com"; // 64 + 1 + 189 = 254
        assertThat(Formats.isEmail(local + "@" + domain)).isTrue();
        assertThat(Formats.isEmail(local + "a@" + domain)).isFalse();
    }
}

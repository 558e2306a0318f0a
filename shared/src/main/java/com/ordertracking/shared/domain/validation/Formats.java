package com.ordertracking.shared.domain.validation;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks for the standard formats our API accepts. */
public final class Formats {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** ITU-T E.164: a plus, a country code that does not start with 0, at most 15 digits. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    /** Deliberately loose: the mailbox is verified by delivery, not by a regex. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Countries whose addresses have no postal code (the others require one). */
    private static final Set<String> NO_POSTAL_CODE = Set.of(
            "AE", "AG", "AO", "AW", "BF", "BI", "BJ", "BO", "BS", "BW", "BZ", "CD", "CF", "CG", "CI", "CK",
            "CM", "DJ", "DM", "ER", "FJ", "GD", "GH", "GM", "GQ", "GY", "HK", "JM", "KI", "KM", "KN", "LC",
            "ML", "MO", "MR", "MW", "NR", "NU", "QA", "RW", "SB", "SC", "SL", "SR", "ST", "SY", "TD", "TF",
            "TG", "TK", "TL", "TO", "TV", "UG", "VU", "YE", "ZW");

    private Formats() {
    }

    public static boolean isCountryCode(String code) {
        return code != null && code.length() == 2 && COUNTRIES.contains(code);
    }

    public static boolean requiresPostalCode(String country) {
        return !NO_POSTAL_CODE.contains(country);
    }

    public static boolean isCurrencyCode(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static boolean isE164(String phone) {
        return phone != null && E164.matcher(phone).matches();
    }

    public static boolean isEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email).matches();
    }
}

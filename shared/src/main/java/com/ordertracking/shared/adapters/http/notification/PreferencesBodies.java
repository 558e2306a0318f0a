package com.ordertracking.shared.adapters.http.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.adapters.http.JsonFields;
import com.ordertracking.shared.application.notification.PreferencesService.BuyerUpdate;
import com.ordertracking.shared.application.notification.PreferencesService.SellerUpdate;
import com.ordertracking.shared.domain.notification.BuyerMessage;
import com.ordertracking.shared.domain.notification.BuyerPreferences;
import com.ordertracking.shared.domain.notification.SellerAlert;
import com.ordertracking.shared.domain.validation.Formats;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Request bodies of the notification-preference routes; every mistake is named in one 400. */
public final class PreferencesBodies {
    private PreferencesBodies() {
    }

    /** {@code PUT /me/notification-preferences}. */
    public static BuyerUpdate buyer(JsonNode body) {
        JsonFields fields = JsonFields.root(body);
        fields.throwIfInvalid();
        fields.rejectUnknown(Set.of("email", "phone", "channels", "optOuts"));
        String email = email(fields);
        String phone = phone(fields);
        JsonFields channels = fields.requiredObject("channels");
        Boolean sms = null;
        Boolean mail = null;
        if (channels != null) {
            channels.rejectUnknown(Set.of("sms", "email"));
            sms = requiredBoolean(channels, "sms");
            mail = requiredBoolean(channels, "email");
            if (Boolean.TRUE.equals(sms) && phone == null && !fields.has("phone")) {
                fields.error("phone", "is required when channels.sms is true");
            }
            if (Boolean.TRUE.equals(mail) && email == null && !fields.has("email")) {
                fields.error("email", "is required when channels.email is true");
            }
        }
        List<BuyerMessage> optOuts = enumList(fields, "optOuts", BuyerMessage.class);
        fields.throwIfInvalid();
        return new BuyerUpdate(email, phone, new BuyerPreferences.Channels(sms, mail), optOuts);
    }

    /** {@code PUT /seller/notification-preferences}; no {@code alerts} means all of them. */
    public static SellerUpdate seller(JsonNode body) {
        JsonFields fields = JsonFields.root(body);
        fields.throwIfInvalid();
        fields.rejectUnknown(Set.of("email", "phone", "alerts"));
        String email = email(fields);
        String phone = phone(fields);
        List<SellerAlert> alerts = fields.has("alerts") ? enumList(fields, "alerts", SellerAlert.class)
                : List.of(SellerAlert.values());
        fields.throwIfInvalid();
        return new SellerUpdate(email, phone, alerts);
    }

    private static String email(JsonFields fields) {
        String email = fields.optionalText("email", 254);
        if (email != null && !Formats.isEmail(email)) {
            fields.error("email", "must be an email address");
            return null;
        }
        return email;
    }

    private static String phone(JsonFields fields) {
        String phone = fields.optionalText("phone", 16);
        if (phone != null && !Formats.isE164(phone)) {
            fields.error("phone", "must be an E.164 phone number, e.g. +14155550123");
            return null;
        }
        return phone;
    }

    private static Boolean requiredBoolean(JsonFields fields, String name) {
        if (!fields.has(name)) {
            fields.error(name, "is required");
            return null;
        }
        return fields.optionalBoolean(name);
    }

    private static <E extends Enum<E>> List<E> enumList(JsonFields fields, String name, Class<E> type) {
        List<String> values = fields.optionalTextList(name, 20);
        if (values == null) {
            return List.of();
        }
        Set<E> result = EnumSet.noneOf(type);
        List<String> unknown = new ArrayList<>();
        for (String value : values) {
            try {
                result.add(Enum.valueOf(type, value));
            } catch (IllegalArgumentException e) {
                unknown.add(value);
            }
        }
        if (!unknown.isEmpty()) {
            fields.error(name, "has unknown values " + unknown + "; known: " + List.of(type.getEnumConstants()));
        }
        return List.copyOf(result);
    }
}

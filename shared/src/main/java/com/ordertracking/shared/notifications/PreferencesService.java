package com.ordertracking.shared.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.shared.aws.AwsClients;
import com.ordertracking.shared.config.Settings;
import com.ordertracking.shared.json.Json;
import com.ordertracking.shared.persistence.VersionConflictException;
import com.ordertracking.shared.validation.Formats;
import com.ordertracking.shared.validation.JsonFields;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/**
 * Reads and changes notification preferences, keeping each party's email subscription in step:
 * subscribed (with a filter policy on its id) while email is wanted, re-pointed when the address
 * changes, unsubscribed when email is turned off. SNS subscription calls come first and are
 * idempotent (subscribing an endpoint again returns the same subscription), so a failed store
 * is repaired by the next request.
 */
public final class PreferencesService {
    private static final int ATTEMPTS = 3;

    private final PreferencesRepository repository;
    private final SnsClient sns;
    private final String buyerEmailTopicArn;
    private final String sellerAlertsTopicArn;
    private final Clock clock;

    public PreferencesService(PreferencesRepository repository, SnsClient sns, String buyerEmailTopicArn,
            String sellerAlertsTopicArn, Clock clock) {
        this.repository = repository;
        this.sns = sns;
        this.buyerEmailTopicArn = buyerEmailTopicArn;
        this.sellerAlertsTopicArn = sellerAlertsTopicArn;
        this.clock = clock;
    }

    public static PreferencesService fromEnvironment() {
        Settings settings = Settings.fromEnvironment();
        AwsClients clients = new AwsClients(settings);
        return new PreferencesService(new PreferencesRepository(clients.dynamoDb(), settings.required("ORDERS_TABLE")),
                clients.sns(), settings.optional("BUYER_EMAIL_TOPIC_ARN").orElse(null),
                settings.optional("SELLER_ALERTS_TOPIC_ARN").orElse(null), Clock.systemUTC());
    }

    /** A buyer's preferences as the API shows them (defaults when never set). */
    public record BuyerView(String buyerId, String email, String phone, BuyerPreferences.Channels channels,
            List<BuyerMessage> optOuts, boolean emailSubscribed, java.time.Instant updatedAt) {
        static BuyerView of(BuyerPreferences p) {
            return new BuyerView(p.buyerId(), p.email(), p.phone(), p.channels(), p.optOuts(),
                    p.emailSubscriptionArn() != null, p.updatedAt());
        }
    }

    public record SellerView(String sellerId, String email, String phone, List<SellerAlert> alerts,
            boolean emailSubscribed, java.time.Instant updatedAt) {
        static SellerView of(SellerPreferences p) {
            return new SellerView(p.sellerId(), p.email(), p.phone(), p.alerts(), p.emailSubscriptionArn() != null,
                    p.updatedAt());
        }
    }

    public BuyerView buyer(String buyerId) {
        return BuyerView.of(repository.buyer(buyerId).orElse(BuyerPreferences.defaults(buyerId)));
    }

    public SellerView seller(String sellerId) {
        return SellerView.of(repository.seller(sellerId).orElse(SellerPreferences.defaults(sellerId)));
    }

    /** Validates a {@code PUT /me/notification-preferences} body (every mistake named) and applies it. */
    public BuyerView updateBuyer(String buyerId, JsonNode body) {
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
        BuyerPreferences.Channels wanted = new BuyerPreferences.Channels(sms, mail);
        for (int attempt = 1; ; attempt++) {
            BuyerPreferences current = repository.buyer(buyerId).orElse(BuyerPreferences.defaults(buyerId));
            String arn = subscription(buyerEmailTopicArn, current.emailSubscriptionArn(), current.email(),
                    mail ? email : null, "buyerId", buyerId);
            BuyerPreferences next = new BuyerPreferences(buyerId, email, phone, wanted, optOuts, arn,
                    current.version() + 1, clock.instant());
            try {
                repository.put(next);
                return BuyerView.of(next);
            } catch (VersionConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Validates a {@code PUT /seller/notification-preferences} body and applies it. */
    public SellerView updateSeller(String sellerId, JsonNode body) {
        JsonFields fields = JsonFields.root(body);
        fields.throwIfInvalid();
        fields.rejectUnknown(Set.of("email", "phone", "alerts"));
        String email = email(fields);
        String phone = phone(fields);
        List<SellerAlert> alerts = fields.has("alerts") ? enumList(fields, "alerts", SellerAlert.class)
                : List.of(SellerAlert.values());
        fields.throwIfInvalid();
        for (int attempt = 1; ; attempt++) {
            SellerPreferences current = repository.seller(sellerId).orElse(SellerPreferences.defaults(sellerId));
            String arn = subscription(sellerAlertsTopicArn, current.emailSubscriptionArn(), current.email(), email,
                    "sellerId", sellerId);
            SellerPreferences next = new SellerPreferences(sellerId, email, phone, alerts, arn, current.version() + 1,
                    clock.instant());
            try {
                repository.put(next);
                return SellerView.of(next);
            } catch (VersionConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Brings the email subscription to {@code wantedEmail} (null: none) and returns its ARN. The
     * filter policy limits it to messages carrying this party's id.
     */
    private String subscription(String topicArn, String currentArn, String currentEmail, String wantedEmail,
            String attribute, String id) {
        String filter = Json.write(Map.of(attribute, List.of(id)));
        if (currentArn != null && wantedEmail != null && wantedEmail.equals(currentEmail)) {
            // Re-assert the filter: repairs a subscription whose attributes drifted.
            sns.setSubscriptionAttributes(s -> s.subscriptionArn(currentArn).attributeName("FilterPolicy")
                    .attributeValue(filter));
            return currentArn;
        }
        if (currentArn != null) {
            try {
                sns.unsubscribe(u -> u.subscriptionArn(currentArn));
            } catch (NotFoundException e) {
                // Already gone: the state we want.
            }
        }
        if (wantedEmail == null) {
            return null;
        }
        if (topicArn == null) {
            throw new IllegalStateException("No email topic configured for " + attribute);
        }
        return sns.subscribe(s -> s.topicArn(topicArn).protocol("email").endpoint(wantedEmail)
                .returnSubscriptionArn(true)
                .attributes(Map.of("FilterPolicy", filter, "FilterPolicyScope", "MessageAttributes")))
                .subscriptionArn();
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

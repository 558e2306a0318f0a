package com.ordertracking.shared.application.tracking;

import com.ordertracking.shared.domain.tracking.TrackingNumbers;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which carriers we know and the webhook secret of each sender, from the function environment:
 * {@code CARRIERS} (comma-separated lowercase slugs), {@code WEBHOOK_SECRET} (every sender) and
 * optionally {@code WEBHOOK_SECRET_<SOURCE>} (one sender, e.g. {@code WEBHOOK_SECRET_UPS},
 * {@code WEBHOOK_SECRET_AFTERSHIP}). On AWS the secrets would come from SSM Parameter Store or Secrets
 * Manager (dynamic references in the template), never from plain parameters in source control.
 */
public record TrackingConfig(Set<String> carriers, Map<String, String> secrets) {
    public static final String DEFAULT_CARRIERS = "ups,usps,fedex,dhl";

    public TrackingConfig {
        carriers = Set.copyOf(carriers);
        secrets = Map.copyOf(secrets);
    }

    /** From the function environment ({@code CARRIERS}, {@code WEBHOOK_SECRET*}). */
    public static TrackingConfig from(Map<String, String> environment) {
        Set<String> carriers = Arrays.stream(Optional.ofNullable(environment.get("CARRIERS")).filter(v -> !v.isBlank())
                        .orElse(DEFAULT_CARRIERS).split(","))
                .map(String::strip).map(s -> s.toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        for (String slug : carriers) {
            if (!TrackingNumbers.isSlug(slug)) {
                throw new IllegalStateException("CARRIERS entry '" + slug + "' is not a lowercase slug");
            }
        }
        return new TrackingConfig(carriers, environment);
    }

    public boolean knows(String carrier) {
        return carriers.contains(carrier);
    }

    /** The secret a sender signs with; a missing secret is a deployment error, never "accept unsigned". */
    public String secretFor(String source) {
        String specific = "WEBHOOK_SECRET_" + source.toUpperCase(Locale.ROOT).replace('-', '_');
        return secret(specific).or(() -> secret("WEBHOOK_SECRET"))
                .orElseThrow(() -> new IllegalStateException("No webhook secret configured for " + source
                        + ": set WEBHOOK_SECRET or " + specific));
    }

    private Optional<String> secret(String name) {
        return Optional.ofNullable(secrets.get(name)).filter(value -> !value.isBlank());
    }
}

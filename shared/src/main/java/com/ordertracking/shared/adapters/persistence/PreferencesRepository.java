package com.ordertracking.shared.adapters.persistence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.VersionConflictException;
import com.ordertracking.shared.application.notification.PreferencesStore;
import com.ordertracking.shared.domain.notification.BuyerPreferences;
import com.ordertracking.shared.domain.notification.SellerPreferences;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Buyer and seller notification preferences: {@code pk=BUYER#id|SELLER#id, sk=PREFERENCES}
 * (docs/data-model.md). Puts are conditional on the version read ({@code attribute_not_exists}
 * for the first).
 */
public final class PreferencesRepository implements PreferencesStore {
    private final VersionedItems items;

    public PreferencesRepository(DynamoDbClient dynamoDb, String tableName) {
        this.items = new VersionedItems(dynamoDb, tableName);
    }

    @Override
    public Optional<BuyerPreferences> buyer(String buyerId) {
        return get(TableKeys.buyerPk(buyerId)).map(json -> Json.convert(json, BuyerPreferences.class));
    }

    @Override
    public Optional<SellerPreferences> seller(String sellerId) {
        return get(TableKeys.sellerPk(sellerId)).map(json -> Json.convert(json, SellerPreferences.class));
    }

    /** Stores {@code preferences} (whose version is one above the stored one). */
    @Override
    public void put(BuyerPreferences preferences) {
        put(TableKeys.buyerPk(preferences.buyerId()), "BuyerPreferences", Json.tree(preferences), preferences.version());
    }

    @Override
    public void put(SellerPreferences preferences) {
        put(TableKeys.sellerPk(preferences.sellerId()), "SellerPreferences", Json.tree(preferences), preferences.version());
    }

    private Optional<ObjectNode> get(String pk) {
        return items.get(pk, TableKeys.PREFERENCES_SK);
    }

    private void put(String pk, String entity, com.fasterxml.jackson.databind.JsonNode json, long version) {
        if (!items.put(pk, TableKeys.PREFERENCES_SK, entity, json, version)) {
            throw new VersionConflictException(pk, version - 1);
        }
    }
}

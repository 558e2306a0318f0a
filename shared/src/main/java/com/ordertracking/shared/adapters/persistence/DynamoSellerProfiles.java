package com.ordertracking.shared.adapters.persistence;

import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.application.seller.SellerProfiles;
import com.ordertracking.shared.domain.seller.SellerProfile;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link SellerProfiles} on the orders table: {@code pk=SELLER#<sellerId>, sk=PROFILE} (docs/data-model.md). */
public final class DynamoSellerProfiles implements SellerProfiles {
    private final VersionedItems items;

    public DynamoSellerProfiles(DynamoDbClient dynamoDb, String tableName) {
        this.items = new VersionedItems(dynamoDb, tableName);
    }

    @Override
    public Optional<SellerProfile> find(String sellerId) {
        return items.get(TableKeys.sellerPk(sellerId), TableKeys.PROFILE_SK)
                .map(json -> Json.convert(json, SellerProfile.class));
    }

    @Override
    public boolean put(SellerProfile profile) {
        return items.put(TableKeys.sellerPk(profile.sellerId()), TableKeys.PROFILE_SK, "SellerProfile",
                Json.tree(profile), profile.version());
    }
}

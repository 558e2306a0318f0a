package com.ordertracking.shared.adapters.persistence;

import static com.ordertracking.shared.adapters.persistence.TableKeys.PK;
import static com.ordertracking.shared.adapters.persistence.TableKeys.SK;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.shared.domain.OrderPackage;
import com.ordertracking.shared.domain.tracking.DelayRules;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Package items ({@code pk=ORDER#<orderId>, sk=PACKAGE#<packageId>}, entity {@code Package}), both ways. A package
 * watched for delays carries its due time in {@code ByDueTime} under its order's shard ({@code gsi4sk =
 * <due>#<orderId>}: the delay monitor checks the order's packages).
 */
final class PackageItems {
    static final String ENTITY = "Package";
    private static final Set<String> STORAGE_ATTRIBUTES = Set.of(PK, SK, TableKeys.ENTITY, TableKeys.DUE_PK,
            TableKeys.DUE_SK);

    private PackageItems() {
    }

    static Map<String, AttributeValue> item(OrderPackage pkg, DelayRules delayRules) {
        Map<String, AttributeValue> item = new HashMap<>(AttributeValues.fromObject(Json.tree(pkg)));
        item.putAll(key(pkg.orderId(), pkg.packageId()));
        item.put(TableKeys.ENTITY, AttributeValue.fromS(ENTITY));
        dueKeys(pkg, delayRules).ifPresent(item::putAll);
        return item;
    }

    static Map<String, AttributeValue> key(String orderId, String packageId) {
        return OrderItems.key(TableKeys.orderPk(orderId), TableKeys.packageSortKey(packageId));
    }

    /** {@code gsi4pk}/{@code gsi4sk} while the package is watched; empty otherwise (the index is sparse). */
    static Optional<Map<String, AttributeValue>> dueKeys(OrderPackage pkg, DelayRules delayRules) {
        Optional<Instant> due = delayRules.dueAt(pkg);
        return due.map(at -> Map.of(
                TableKeys.DUE_PK, AttributeValue.fromS(TableKeys.duePk(TableKeys.dueShard(pkg.orderId()))),
                TableKeys.DUE_SK, AttributeValue.fromS(TableKeys.dueSortKey(at, pkg.orderId()))));
    }

    static OrderPackage toPackage(Map<String, AttributeValue> item) {
        ObjectNode json = AttributeValues.toObject(item);
        json.remove(STORAGE_ATTRIBUTES);
        return Json.convert(json, OrderPackage.class);
    }

    static boolean isPackageItem(Map<String, AttributeValue> item) {
        AttributeValue entity = item.get(TableKeys.ENTITY);
        return entity != null && ENTITY.equals(entity.s());
    }
}

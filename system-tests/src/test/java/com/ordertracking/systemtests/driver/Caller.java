package com.ordertracking.systemtests.driver;

/** Who calls the API: the role and subject the authorizer puts into the JWT claims. */
public record Caller(String role, String id) {
    public static Caller seller(String id) {
        return new Caller("seller", id);
    }

    public static Caller buyer(String id) {
        return new Caller("buyer", id);
    }
}

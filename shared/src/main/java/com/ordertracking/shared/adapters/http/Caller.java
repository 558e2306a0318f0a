package com.ordertracking.shared.adapters.http;

/** Who is calling, from the JWT the API's authorizer verified: {@code sub} and {@code role}. */
public record Caller(String subject, Role role) {

    public enum Role { SELLER, BUYER }

    public boolean isSeller() {
        return role == Role.SELLER;
    }

    public boolean isBuyer() {
        return role == Role.BUYER;
    }
}

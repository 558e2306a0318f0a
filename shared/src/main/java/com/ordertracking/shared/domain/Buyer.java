package com.ordertracking.shared.domain;

/** The buyer an order is placed for; {@code id} is the buyer's JWT subject. */
public record Buyer(String id, String name, String email, String phone) {
}

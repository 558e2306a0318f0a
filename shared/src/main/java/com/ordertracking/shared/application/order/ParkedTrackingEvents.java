package com.ordertracking.shared.application.order;

/** Carrier events that arrived before their tracking number was registered, waiting for it. */
public interface ParkedTrackingEvents {
    /** Hands the events parked for this number to the tracking processor; how many there were. */
    int release(String carrier, String trackingNumber);
}

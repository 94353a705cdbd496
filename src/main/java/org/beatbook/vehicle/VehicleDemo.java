package org.beatbook.vehicle;

import java.util.List;

/** Registers the demo community's vehicles (called by the demo installation, after the residents). */
public interface VehicleDemo {

    /** How many demo vehicles were last seen more than 30 days ago. */
    int DORMANT = 8;

    /**
     * Registers, reproducibly from {@code seed}, the cars and e-bikes of the demo compounds' households, each owned by
     * the household's owner (or first tenant) and kept at their room: about half of the owners' households have a car
     * (some two), fewer of the tenants'; about two in three households have an e-bike (some two). Plates are 皖E (马鞍山,
     * the demo county's city), some of them green new-energy plates; tags are 24-digit EPCs. Most vehicles were last
     * seen at a gate in the last two days; {@link #DORMANT} of them 31–60 days ago, so the rule about a vehicle back
     * after 30 days has something to find. One statement; does nothing when any vehicle is registered.
     *
     * @param compounds codes of the demo compounds
     */
    Loaded load(List<String> compounds, long seed);

    /** What the demo wrote (zeros when vehicles existed). */
    record Loaded(int motorVehicles, int ebikes, int owners, long millis) { }
}

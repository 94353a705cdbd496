package org.beatbook.population;

import org.beatbook.address.AddressDemo.DemoTree;

/** Fills the demo community's rooms with residents. */
public interface PopulationDemo {

    /**
     * Creates, reproducibly from {@code seed}, about 14,000 residents in households across the demo community's rooms
     * (3,864 in {@link DemoTree#largeCompound()}): owners with their families (GB/T 4761 relationships), about 800
     * rooms of tenants, some short-term guests and temporary residents, valid GB 11643 ID numbers, phones, tags such
     * as 独居老人 and 需关爱, and about 15 % of residences not verified for over 90 days. Idempotent: when the community
     * already has residents nothing is written.
     */
    Loaded load(DemoTree tree, long seed);

    /**
     * @param persons     residents written (0 when the community had residents already)
     * @param tenantRooms rooms let to tenants
     * @param millis      time taken
     */
    record Loaded(int persons, int tenantRooms, long millis) { }
}

package org.beatbook.organisation;

import org.beatbook.address.AddressDemo.DemoTree;

/** Fills the demo community with organisations. */
public interface OrganisationDemo {

    /**
     * About 300 units, reproducibly from {@code seed}: the schools, the rail station, the hospital, the market and
     * the key sites of the tree's places, a property service centre and an owners' committee per compound, shops and
     * enterprises in the compounds' buildings (valid credit codes), with a few staff each: legal representatives,
     * security contacts and employees are the population demo's residents (owners, of the unit's own compound
     * where it has enough), so it runs after the residents are loaded. Idempotent: when any organisation
     * exists nothing is written.
     *
     * @return the number of organisations created
     */
    int load(DemoTree tree, long seed);
}

package org.beatbook.housing;

import java.util.List;

/** Fills the demo community's houses: usages, tenancies, short-term rentals and verifications. */
public interface HousingDemo {

    /**
     * Gives every room of the demo compounds a house, reproducibly from {@code seed}: rooms where the population
     * registry has current tenants become rented (topped up to about 800 with rooms of its own choosing, whose
     * tenancies name a tenant without a person link), rooms with short-term guests become short-term rentals (about
     * 30), ground-floor rooms of buildings that have shops become shops, the rest mostly self-occupied, some vacant;
     * about 15% of rented and short-term houses were last verified more than 90 days ago. Does nothing when houses
     * exist.
     *
     * @param compounds codes of the demo compounds
     */
    Loaded load(List<String> compounds, long seed);

    /** What the demo wrote. */
    record Loaded(int houses, int rented, int shortTerm, int tenancies, int linkedTenants, int unverified) { }
}

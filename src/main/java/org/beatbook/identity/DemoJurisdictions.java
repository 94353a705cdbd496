package org.beatbook.identity;

import java.util.List;
import java.util.Objects;

/**
 * The address node codes the demo users hold.
 *
 * @param community    nodes of the whole community: station leader, community officer, community worker,
 *                     the first auxiliary police officer and the three administrative roles
 * @param auxiliaryOne the first sub-jurisdiction (e.g. some compounds) of auxiliary police officer "aux1"
 * @param auxiliaryTwo a second sub-jurisdiction, disjoint from the first, of auxiliary police officer "aux2"
 */
public record DemoJurisdictions(List<String> community, List<String> auxiliaryOne, List<String> auxiliaryTwo) {

    public DemoJurisdictions {
        community = List.copyOf(Objects.requireNonNull(community));
        auxiliaryOne = List.copyOf(Objects.requireNonNull(auxiliaryOne));
        auxiliaryTwo = List.copyOf(Objects.requireNonNull(auxiliaryTwo));
        if (community.isEmpty() || auxiliaryOne.isEmpty() || auxiliaryTwo.isEmpty()) {
            throw new IllegalArgumentException("every demo jurisdiction needs at least one node code");
        }
        if (auxiliaryOne.stream().anyMatch(auxiliaryTwo::contains)) {
            throw new IllegalArgumentException("the two auxiliary jurisdictions must be disjoint");
        }
    }
}

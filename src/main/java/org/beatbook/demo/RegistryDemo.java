package org.beatbook.demo;

import org.beatbook.address.AddressDemo.DemoTree;
import org.beatbook.housing.HousingDemo;
import org.beatbook.organisation.OrganisationDemo;
import org.springframework.stereotype.Component;

/** The 一标三实 part of the demo: residents, houses and organisations on the demo tree, in that order. */
@Component
class RegistryDemo {

    private final HousingDemo houses;
    private final OrganisationDemo organisations;

    RegistryDemo(HousingDemo houses, OrganisationDemo organisations) {
        this.houses = houses;
        this.organisations = organisations;
    }

    void load(DemoTree tree, long seed) {
        // houses read the residents' tenancies, so residents come first
        houses.load(tree.compounds(), seed);
        organisations.load(tree, seed);
    }
}

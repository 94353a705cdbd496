package org.beatbook.demo;

import org.beatbook.address.AddressDemo.DemoTree;
import org.beatbook.housing.HousingDemo;
import org.beatbook.organisation.OrganisationDemo;
import org.beatbook.population.PopulationDemo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The 一标三实 part of the demo: residents, houses and organisations on the demo tree, in that order. */
@Component
class RegistryDemo {

    private static final Logger log = LoggerFactory.getLogger(RegistryDemo.class);

    private final PopulationDemo residents;
    private final HousingDemo houses;
    private final OrganisationDemo organisations;

    RegistryDemo(PopulationDemo residents, HousingDemo houses, OrganisationDemo organisations) {
        this.residents = residents;
        this.houses = houses;
        this.organisations = organisations;
    }

    void load(DemoTree tree, long seed) {
        // houses read the residents' tenancies and organisations employ residents, so residents come first
        PopulationDemo.Loaded loaded = residents.load(tree, seed);
        log.info("Demo residents: {} in {} ms", loaded.persons(), loaded.millis());
        houses.load(tree.compounds(), seed);
        organisations.load(tree, seed);
    }
}

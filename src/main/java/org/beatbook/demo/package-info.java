/**
 * The demo installation: on a first start with demo data switched on, builds the demo community, its residents,
 * houses, organisations, vehicles, devices and hotlist, and its users through the other modules' public APIs, and
 * writes the credentials to BEATBOOK_HOME.
 */
@ApplicationModule(allowedDependencies = {"shared", "address", "identity", "population", "housing", "organisation",
        "device", "alert", "vehicle"})
package org.beatbook.demo;

import org.springframework.modulith.ApplicationModule;

/**
 * The real population (实有人口): persons with their identity documents, names and search keys,
 * and where they live.
 */
@ApplicationModule(allowedDependencies = {"shared", "address", "dashboard"})
package org.beatbook.population;

import org.springframework.modulith.ApplicationModule;

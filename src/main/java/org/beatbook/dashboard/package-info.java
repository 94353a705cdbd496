/**
 * Reads other modules' figures for the home page. Modules contribute tiles by implementing {@link HomeTile}.
 */
@ApplicationModule(allowedDependencies = {"shared", "address"})
package org.beatbook.dashboard;

import org.springframework.modulith.ApplicationModule;

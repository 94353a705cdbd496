/**
 * The demo installation: on a first start with demo data switched on, builds the demo community and its
 * users through the other modules' public APIs and writes their credentials to BEATBOOK_HOME.
 */
@ApplicationModule(allowedDependencies = {"shared", "address", "identity", "device", "population"})
package org.beatbook.demo;

import org.springframework.modulith.ApplicationModule;

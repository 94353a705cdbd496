/**
 * Hotlists of stolen motor vehicles and e-bikes, the rules that match every stored sighting against them (and
 * against the vehicle registry and device health), and the alerts they raise: live to the officers of the
 * compound, then acknowledged, dispatched and closed with an outcome.
 */
@ApplicationModule(allowedDependencies = {"shared", "address", "device", "vehicle", "identity"})
package org.beatbook.alert;

import org.springframework.modulith.ApplicationModule;

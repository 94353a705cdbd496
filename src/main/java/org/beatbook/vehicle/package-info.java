/**
 * Residents' vehicles (两车): motor vehicles by plate and e-bikes by RFID tag, each with its owner and room, and
 * when each was last seen by a gate device.
 */
@ApplicationModule(allowedDependencies = {"shared", "address", "population", "device"})
package org.beatbook.vehicle;

import org.springframework.modulith.ApplicationModule;

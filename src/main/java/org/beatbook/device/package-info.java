/**
 * The smart compound's devices (access controllers, plate cameras, e-bike RFID readers, alarm sensors): their
 * registry and credentials, and the one ingest pipeline that durably stores what they report, whichever way it
 * arrives (HTTP push, MQTT, GA/T 1400).
 */
@ApplicationModule(allowedDependencies = {"shared", "address", "identity"})
package org.beatbook.device;

import org.springframework.modulith.ApplicationModule;

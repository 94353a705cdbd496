/**
 * Real houses (实有房屋): per room its usage, owner and landlord, tenancies, short-term rental listing with its guests,
 * and the last police verification; the rental ledger and the houses/tenancies spreadsheet import.
 */
@ApplicationModule(allowedDependencies = {"shared", "address", "population", "dashboard"})
package org.beatbook.housing;

import org.springframework.modulith.ApplicationModule;

/**
 * What the compound hands on: every stored vehicle sighting queued in a transactional outbox and pushed to the
 * upstream police platform over GA/T 1400, and the volume ledger of events collected and pushed per compound per
 * day that compounds are ranked by.
 */
@ApplicationModule(allowedDependencies = {"shared", "address", "device"})
package org.beatbook.exchange;

import org.springframework.modulith.ApplicationModule;

/**
 * The append-only, hash-chained audit log: written from the {@code AuditEvent}s every module publishes,
 * searched and exported by auditors only.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package org.beatbook.audit;

import org.springframework.modulith.ApplicationModule;

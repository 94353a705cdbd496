/**
 * What every module shares: the caller and its jurisdiction scope, the audit event that
 * modules publish, problem responses, the database bootstrap and the page layout.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.beatbook.shared;

import org.springframework.modulith.ApplicationModule;

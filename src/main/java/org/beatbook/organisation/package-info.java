/**
 * Real organisations (实有单位): enterprises, shops, schools and other units at address nodes, with their legal
 * representative, contacts, staff and roles, import and roster export, and their figures for the home page.
 */
@ApplicationModule(allowedDependencies = {"shared", "address", "population", "dashboard"})
package org.beatbook.organisation;

import org.springframework.modulith.ApplicationModule;

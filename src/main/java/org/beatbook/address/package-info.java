/**
 * The standard address tree (标准地址): nodes from district to room and the places that hang on it,
 * their stable codes and subtree paths, which every jurisdiction scope is made of.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package org.beatbook.address;

import org.springframework.modulith.ApplicationModule;

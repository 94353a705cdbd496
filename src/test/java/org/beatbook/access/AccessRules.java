package org.beatbook.access;

import java.util.List;

/** A module's access rules, one per endpoint it serves. Each module adds its own class to the matrix. */
public interface AccessRules {

    List<AccessRule> rules(AccessFixture fixture);
}

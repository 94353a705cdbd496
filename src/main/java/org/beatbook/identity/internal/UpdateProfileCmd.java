package org.beatbook.identity.internal;

import java.util.List;

/** New display name and jurisdiction of an account; {@code version} is the one the editor saw. */
public record UpdateProfileCmd(String displayName, List<String> jurisdiction, Long version) {

    public UpdateProfileCmd {
        jurisdiction = jurisdiction == null ? List.of() : jurisdiction.stream().filter(c -> c != null).toList();
    }
}

package org.beatbook.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Who the API thinks the caller is. */
@RestController
@Tag(name = "me")
class MeApiController {

    record Me(long userId, String username, String displayName, Role role, List<String> jurisdiction,
              List<String> scope) { }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The caller: role, jurisdiction node codes and their current subtree paths")
    Me me() {
        Caller c = Caller.current();
        return new Me(c.userId(), c.username(), c.displayName(), c.role(), c.jurisdictionCodes(), c.scope().paths());
    }
}

package org.beatbook.identity.internal;

import org.beatbook.shared.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No account with this id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UserNotFound extends NotFound {

    public UserNotFound(long id) {
        super("user", String.valueOf(id));
    }
}

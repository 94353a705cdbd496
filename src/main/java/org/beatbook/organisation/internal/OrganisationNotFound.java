package org.beatbook.organisation.internal;

import org.beatbook.shared.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such organisation for this caller: missing and out of jurisdiction answer alike. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class OrganisationNotFound extends NotFound {
    public OrganisationNotFound(String what, long id) {
        super(what, Long.toString(id));
    }
}

package org.beatbook.population.internal;

import org.beatbook.shared.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such residence of that person in the caller's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ResidenceNotFound extends NotFound {

    public ResidenceNotFound(long id) {
        super("residence", Long.toString(id));
    }
}

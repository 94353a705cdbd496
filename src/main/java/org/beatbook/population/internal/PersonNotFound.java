package org.beatbook.population.internal;

import org.beatbook.shared.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such person for this caller: missing and out of scope are the same answer. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PersonNotFound extends NotFound {

    public PersonNotFound(long id) {
        super("person", Long.toString(id));
    }
}

package org.beatbook.housing.internal;

import org.beatbook.shared.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No house (or no such room) within the caller's jurisdiction: missing and out of scope look alike. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class HouseNotFound extends NotFound {

    public HouseNotFound(String what, String id) {
        super(what, id);
    }
}

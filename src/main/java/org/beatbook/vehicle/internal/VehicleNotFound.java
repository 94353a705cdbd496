package org.beatbook.vehicle.internal;

import org.beatbook.shared.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such vehicle for this caller: missing and out of scope are the same answer. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class VehicleNotFound extends NotFound {

    public VehicleNotFound(long id) {
        super("vehicle", Long.toString(id));
    }
}

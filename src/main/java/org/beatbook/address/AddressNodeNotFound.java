package org.beatbook.address;

import org.beatbook.shared.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No node with that code exists within the caller's jurisdiction (missing and out of scope look the same). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AddressNodeNotFound extends NotFound {

    public AddressNodeNotFound(String code) {
        super("address node", code);
    }
}

package org.beatbook.device.internal;

import org.beatbook.shared.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such device within the caller's jurisdiction (out-of-scope devices answer alike). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class DeviceNotFound extends NotFound {

    DeviceNotFound(String id) {
        super("device", id);
    }
}

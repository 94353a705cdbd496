package org.beatbook.shared.spreadsheet;

import org.beatbook.shared.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.util.UUID;

/** No import run of that id that this user ran: another user's run answers exactly like a missing one. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ImportRunNotFound extends NotFound {

    public ImportRunNotFound(UUID id) {
        super("import", id.toString());
    }
}

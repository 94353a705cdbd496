package org.beatbook.shared.spreadsheet;

import org.beatbook.shared.security.Caller;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

/** An xlsx import of one kind, as its page and API controllers use it. */
public interface SheetImport {

    /**
     * Reads the upload and imports its good rows; the run and its report are kept.
     *
     * @throws org.beatbook.shared.web.InvalidInput on {@code file} when the file is refused whole
     */
    ImportReport importFile(InputStream upload, String fileName, Caller caller);

    /** The report of a run, if {@code caller} ran it. */
    Optional<ImportReport> report(UUID id, Caller caller);
}

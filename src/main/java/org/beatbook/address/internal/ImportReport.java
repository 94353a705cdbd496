package org.beatbook.address.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What an import did: counts per outcome and every rejected row's problems. */
public record ImportReport(UUID id, String fileName, Instant at, int rows, int created, int unchanged, int updated,
                           int rejected, List<ImportProblem> problems) {

    public ImportReport {
        problems = List.copyOf(problems);
    }
}

package org.beatbook.shared.spreadsheet;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The outcome of an import as the API answers it and the report page shows it. */
@Schema(description = "Outcome of an xlsx import: counts per outcome and every rejected row's problems")
public record ImportReportView(UUID id, String kind, String fileName, Instant at, int rows, int created,
                               int unchanged, int updated, int rejected, List<Problem> problems) {

    @Schema(description = "One rejected cell or row: 1-based sheet row, field, column (template header), reason")
    public record Problem(int row, String field, String column, String message) { }
}

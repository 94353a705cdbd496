package org.beatbook.shared.spreadsheet;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an import did: counts per outcome and every rejected row's problems.
 *
 * @param kind the import's kind as in {@code /api/v1/imports/{kind}}, e.g. {@code residents}
 */
public record ImportReport(UUID id, String kind, String fileName, Instant at, int rows, int created, int unchanged,
                           int updated, int rejected, List<RowProblem> problems) {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    /** A new report; {@code rejected} is the number of distinct rows with a problem. */
    public static ImportReport of(String kind, String fileName, int rows, int created, int unchanged, int updated,
                                  List<RowProblem> problems) {
        int rejected = (int) problems.stream().mapToInt(RowProblem::row).distinct().count();
        return new ImportReport(UUID.randomUUID(), kind, cleanName(fileName), Instant.now(), rows, created, unchanged,
                updated, rejected, problems);
    }

    private static String cleanName(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "upload.xlsx" : fileName.strip();
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }
}

package org.beatbook.alert.internal;

import org.beatbook.alert.internal.HotlistStore.Entry;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.ImportReport;
import org.beatbook.shared.spreadsheet.ImportRuns;
import org.beatbook.shared.spreadsheet.RowProblem;
import org.beatbook.shared.spreadsheet.SheetColumn;
import org.beatbook.shared.spreadsheet.SheetImport;
import org.beatbook.shared.spreadsheet.SheetReader;
import org.beatbook.shared.spreadsheet.SheetRow;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Imports a hotlist from the xlsx template (e.g. the city bureau's list of stolen vehicles): every row checked like
 * an entry typed on the page, the good ones listed in one statement, a plate or tag listed already counted as
 * unchanged; one audit row for the run.
 */
@Service
public class HotlistImport implements SheetImport {

    public static final String KIND = "hotlist";
    public static final int MAX_ROWS = 200_000;
    public static final List<SheetColumn> COLUMNS = List.of(
            SheetColumn.required("kind", "类型").width(10),
            SheetColumn.required("value", "号牌或标签").asText().width(22),
            SheetColumn.required("source", "来源").width(24),
            SheetColumn.optional("reference", "案件编号").asText().width(18),
            SheetColumn.optional("validFrom", "生效日期").asText().width(12),
            SheetColumn.optional("validUntil", "截止日期").asText().width(12),
            SheetColumn.optional("note", "备注").width(30));

    private final HotlistStore store;
    private final HotlistMatcher matcher;
    private final ImportRuns runs;
    private final ApplicationEventPublisher events;

    HotlistImport(HotlistStore store, HotlistMatcher matcher, ImportRuns runs, ApplicationEventPublisher events) {
        this.store = store;
        this.matcher = matcher;
        this.runs = runs;
        this.events = events;
    }

    @Override
    @Transactional
    public ImportReport importFile(InputStream upload, String fileName, Caller caller) {
        List<SheetRow> rows = SheetReader.read(upload, COLUMNS, MAX_ROWS);
        LocalDate today = LocalDate.now(Hotlists.LOCAL);
        List<RowProblem> problems = new ArrayList<>();
        List<Entry> good = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int unchanged = 0;
        for (SheetRow row : rows) {
            List<RowProblem> rowProblems = new ArrayList<>();
            HotlistKind kind = kind(row.get(0));
            if (kind == null && row.get(0) != null) {
                rowProblems.add(RowProblem.of(row.row(), "kind", "alert.hotlist.kind.required"));
            }
            LocalDate from = date(row, 4, "validFrom", rowProblems);
            LocalDate until = date(row, 5, "validUntil", rowProblems);
            Entry e = null;
            try {
                e = Hotlists.checked(new Hotlists.NewEntry(kind, row.get(1), row.get(2), row.get(3), from, until,
                        row.get(6)), caller.username(), today);
            } catch (InvalidInput invalid) {
                invalid.violations().stream()
                        .filter(v -> rowProblems.stream().noneMatch(p -> p.field().equals(v.field())))
                        .forEach(v -> rowProblems.add(RowProblem.of(row.row(), v.field(), v.messageKey(), v.args())));
            }
            if (!rowProblems.isEmpty()) {
                problems.addAll(rowProblems);
            } else if (!seen.add(e.kind() + ":" + e.value())) {
                unchanged++;
            } else {
                good.add(e);
            }
        }
        UUID id = UUID.randomUUID();
        int created = store.insertAll(good, id);
        unchanged += good.size() - created;
        ImportReport report = ImportReport.of(KIND, fileName, rows.size(), created, unchanged, 0, problems);
        report = new ImportReport(id, report.kind(), report.fileName(), report.at(), report.rows(), report.created(),
                report.unchanged(), report.updated(), report.rejected(), report.problems());
        runs.save(report, caller.username());
        events.publishEvent(new AuditEvent("HOTLIST_IMPORTED", "IMPORT", id.toString(), null, null,
                AuditEvent.Result.SUCCESS, "rows=" + rows.size() + "; listed=" + created + "; unchanged=" + unchanged
                + "; rejected=" + report.rejected(), null));
        matcher.reloadAfterCommit();
        return report;
    }

    /** The report of a run of this user. */
    @Override
    public Optional<ImportReport> report(UUID id, Caller caller) {
        return runs.find(KIND, id, caller.username());
    }

    /** PLATE / TAG, or the template's Chinese words for them. */
    static HotlistKind kind(String cell) {
        if (cell == null) {
            return null;
        }
        String c = cell.strip().toUpperCase(Locale.ROOT);
        return switch (c) {
            case "PLATE", "号牌", "车牌", "机动车" -> HotlistKind.PLATE;
            case "TAG", "标签", "电子标签", "电动车" -> HotlistKind.TAG;
            default -> null;
        };
    }

    private static LocalDate date(SheetRow row, int column, String field, List<RowProblem> problems) {
        String cell = row.get(column);
        if (cell == null) {
            return null;
        }
        try {
            return LocalDate.parse(cell.strip().replace('/', '-'));
        } catch (DateTimeParseException e) {
            problems.add(RowProblem.of(row.row(), field, "alert.filter.date"));
            return null;
        }
    }
}

package org.beatbook.organisation.internal;

import org.beatbook.organisation.CreditCode;
import org.beatbook.organisation.internal.OrganisationRequests.OrganisationBody;
import org.beatbook.organisation.internal.OrganisationStore.OrganisationRow;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.ImportReport;
import org.beatbook.shared.spreadsheet.ImportRuns;
import org.beatbook.shared.spreadsheet.RowProblem;
import org.beatbook.shared.spreadsheet.SheetImport;
import org.beatbook.shared.spreadsheet.SheetReader;
import org.beatbook.shared.spreadsheet.SheetRow;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Bulk registration from the xlsx template. Every row is checked by the same rules as the API; all good rows are
 * written in one transaction; a row matches a stored unit by credit code, else by address node and name, and a row
 * equal to what is stored counts as unchanged, so importing the same file twice changes nothing.
 */
@Service
public class OrganisationImport implements SheetImport {

    private final OrganisationStore store;
    private final OrganisationInput input;
    private final Places places;
    private final ImportRuns runs;
    private final ApplicationEventPublisher events;

    OrganisationImport(OrganisationStore store, OrganisationInput input, Places places, ImportRuns runs,
                       ApplicationEventPublisher events) {
        this.store = store;
        this.input = input;
        this.places = places;
        this.runs = runs;
        this.events = events;
    }

    @Override
    @Transactional
    public ImportReport importFile(InputStream upload, String fileName, Caller caller) {
        return importRows(SheetReader.read(upload, OrganisationSheet.COLUMNS, OrganisationSheet.MAX_ROWS), fileName,
                caller);
    }

    @Transactional
    public ImportReport importRows(List<SheetRow> rows, String fileName, Caller caller) {
        Map<String, Places.Result> placeCache = new HashMap<>();
        Set<String> codes = new HashSet<>();
        Set<String> nodes = new HashSet<>();
        for (SheetRow r : rows) {
            CreditCode.of(OrganisationSheet.cell(r, 1)).ifPresent(c -> codes.add(c.value()));
            String node = OrganisationSheet.cell(r, 2);
            if (node != null) {
                nodes.add(node.strip());
            }
        }
        Map<String, OrganisationRow> byCode = new HashMap<>();
        Map<String, OrganisationRow> byNodeName = new HashMap<>();
        for (OrganisationRow o : store.candidates(codes, nodes)) {
            if (o.creditCode() != null) {
                byCode.put(o.creditCode(), o);
            }
            byNodeName.put(o.nodeCode() + "|" + o.name(), o);
        }

        List<RowProblem> problems = new ArrayList<>();
        Map<String, Integer> codeRows = new HashMap<>();
        Map<String, Integer> nodeNameRows = new HashMap<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        try {
            for (SheetRow r : rows) {
                String code = CreditCode.of(OrganisationSheet.cell(r, 1)).map(CreditCode::value).orElse(null);
                String node = Optional.ofNullable(OrganisationSheet.cell(r, 2)).map(String::strip).orElse("");
                String name = Optional.ofNullable(OrganisationSheet.cell(r, 0)).map(String::strip).orElse("");
                OrganisationRow match = code != null ? byCode.get(code) : null;
                if (match == null) {
                    match = byNodeName.get(node + "|" + name);
                }
                OrganisationBody body = OrganisationSheet.body(r, match == null ? null : match.legalRepPersonId(),
                        match == null ? null : match.status().name());
                OrganisationInput.Outcome o = input.check(body,
                        c -> placeCache.computeIfAbsent(c, k -> places.place(k, caller.scope())));
                List<RowProblem> rowProblems = new ArrayList<>();
                o.violations().forEach(v -> rowProblems.add(RowProblem.of(r.row(), v.field(), v.messageKey(), v.args())));
                if (code != null && codeRows.containsKey(code)) {
                    rowProblems.add(RowProblem.of(r.row(), "creditCode", "organisation.import.duplicate", codeRows.get(code)));
                }
                String key = node + "|" + name;
                if (nodeNameRows.containsKey(key)) {
                    rowProblems.add(RowProblem.of(r.row(), "name", "organisation.import.duplicate", nodeNameRows.get(key)));
                }
                if (code != null) {
                    codeRows.putIfAbsent(code, r.row());
                }
                nodeNameRows.putIfAbsent(key, r.row());
                if (rowProblems.isEmpty() && match != null && !caller.scope().covers(match.nodePath())) {
                    rowProblems.add(RowProblem.of(r.row(), code != null ? "creditCode" : "name",
                            "organisation.import.elsewhere"));
                }
                if (rowProblems.isEmpty()) {
                    OrganisationRow other = byNodeName.get(key);
                    if (other != null && match != null && other.id() != match.id()) {
                        rowProblems.add(RowProblem.of(r.row(), "name", "organisation.error.duplicate"));
                    } else if (match != null && match.creditCode() != null && code != null
                            && !match.creditCode().equals(code)) {
                        rowProblems.add(RowProblem.of(r.row(), "creditCode", "organisation.import.otherCode",
                                match.creditCode()));
                    }
                }
                if (!rowProblems.isEmpty()) {
                    problems.addAll(rowProblems);
                    continue;
                }
                OrganisationFacts f = o.facts();
                if (match == null) {
                    long id = store.insert(f);
                    store.writeVersion(id, 1, caller.username(), "IMPORTED", OrganisationRegistry.snapshot(f));
                    created++;
                } else if (same(match, f)) {
                    unchanged++;
                } else {
                    if (!store.update(match.id(), match.version(), f)) {
                        throw InvalidInput.conflict("file", "organisation.import.concurrent");
                    }
                    store.recordVersion(match.id(), caller.username(), "IMPORTED", OrganisationRegistry.snapshot(f));
                    updated++;
                }
            }
        } catch (DuplicateKeyException e) {
            throw InvalidInput.conflict("file", "organisation.import.concurrent");
        }
        ImportReport report = ImportReport.of(OrganisationSheet.KIND, fileName, rows.size(), created, unchanged, updated,
                problems);
        runs.save(report, caller.username());
        events.publishEvent(AuditEvent.success("ORGANISATIONS_IMPORTED", OrganisationRegistry.ORGANISATION,
                report.id().toString(), null).withDetail(String.format("rows=%d created=%d updated=%d unchanged=%d rejected=%d",
                report.rows(), created, updated, unchanged, report.rejected())));
        return report;
    }

    @Override
    public Optional<ImportReport> report(UUID id, Caller caller) {
        return runs.find(OrganisationSheet.KIND, id, caller.username());
    }

    private static boolean same(OrganisationRow o, OrganisationFacts f) {
        return OrganisationRegistry.snapshot(o).equals(OrganisationRegistry.snapshot(f))
                && Objects.equals(o.legalRepDocument(), f.legalRepDocument() == null ? null : f.legalRepDocument().value())
                && Objects.equals(o.phone(), f.phone()) && Objects.equals(o.securityPhone(), f.securityPhone());
    }
}

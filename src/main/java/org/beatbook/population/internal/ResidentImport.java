package org.beatbook.population.internal;

import org.beatbook.population.internal.PersonBatch.Existing;
import org.beatbook.population.internal.PersonCommands.Details;
import org.beatbook.population.internal.PersonCommands.RegisterPerson;
import org.beatbook.population.internal.PersonCommands.StartResidence;
import org.beatbook.population.internal.ResidentSheet.ParsedRow;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.database.CopyRows;
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
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Residents from the xlsx template. Every row is checked by the gate's rules plus its room (in the caller's
 * scope) and its place in the file; then all good rows are written in one transaction, one COPY per table, with
 * the versions the single registration writes. One audit row records the import (not one per person: audit
 * appends are serialised). A row whose document is already registered:
 * <ul>
 *   <li>same name, already living in that room: unchanged (so a second import of a file creates nothing);</li>
 *   <li>same name, another room: the residence starts (counted as updated); the person's facts are not touched;</li>
 *   <li>another name: rejected as a conflict. An import never overwrites a registered person; a changed name is
 *       a change made on the person's page, where it is versioned one by one.</li>
 * </ul>
 * Possible duplicates by name and birth date or by phone are not checked here (nobody is at hand to confirm them);
 * the merge on the person's page joins two records later.
 */
@Service
public class ResidentImport implements SheetImport {

    public static final String KIND = "residents";
    public static final int MAX_ROWS = 200_000;

    private static final String PERSON_COLUMNS = "population.person (id, document_type, document_number, name, "
            + "former_names, sex, ethnicity, birth_date, household_division, occupation, employer, tags, name_text, "
            + "name_pieces, name_keys, version)";

    private final ResidentSheet sheet;
    private final Rooms rooms;
    private final PersonBatch batch;
    private final ImportRuns runs;
    private final ApplicationEventPublisher events;

    ResidentImport(MessageSource messages, Rooms rooms, PersonBatch batch, ImportRuns runs,
                   ApplicationEventPublisher events) {
        this.sheet = ResidentSheet.of(messages);
        this.rooms = rooms;
        this.batch = batch;
        this.runs = runs;
        this.events = events;
    }

    public static List<SheetColumn> columns() {
        return ResidentSheet.COLUMNS;
    }

    /** Reads the upload (streamed; anything but a readable xlsx is refused whole) and imports it. */
    @Override
    @Transactional
    public ImportReport importFile(InputStream upload, String fileName, Caller caller) {
        return importRows(SheetReader.read(upload, ResidentSheet.COLUMNS, MAX_ROWS), fileName, caller);
    }

    @Transactional
    public ImportReport importRows(List<SheetRow> rows, String fileName, Caller caller) {
        LocalDate today = LocalDate.now(PersonInput.CHINA);
        List<ParsedRow> parsed = rows.stream().map(r -> sheet.parse(r, today)).toList();
        Plan plan = plan(parsed, caller);
        ImportReport report = ImportReport.of(KIND, fileName, rows.size(), plan.newPersons.size(),
                plan.unchanged, plan.residences.size(), plan.problems);
        try {
            write(plan, report.id(), caller.username());
        } catch (DuplicateKeyException e) {
            throw InvalidInput.conflict("file", "population.import.concurrent");
        }
        runs.save(report, caller.username());
        events.publishEvent(AuditEvent.success("PERSONS_IMPORTED", "PERSON_IMPORT", report.id().toString(), null)
                .withDetail(String.format("%s: rows=%d created=%d residences=%d unchanged=%d rejected=%d",
                        report.fileName(), report.rows(), report.created(), report.updated(), report.unchanged(),
                        report.rejected())));
        return report;
    }

    @Override
    public Optional<ImportReport> report(UUID id, Caller caller) {
        return runs.find(KIND, id, caller.username());
    }

    // ---- planning: every row decided before anything is written ----------------------------------------------

    /** A person to create with their first residence. */
    private record NewResident(int row, RegisterPerson cmd, Rooms.Room room) { }

    /** A residence for an existing person ({@code personId}) or one created by this file ({@code newIndex}). */
    private record NewResidence(int row, Long personId, int newIndex, StartResidence residence, Rooms.Room room) { }

    private static final class Plan {
        final List<NewResident> newPersons = new ArrayList<>();
        final List<NewResidence> residences = new ArrayList<>();
        final List<RowProblem> problems = new ArrayList<>();
        final Map<Long, Integer> versions = new HashMap<>(); // existing persons that get residences: stored version
        int unchanged;
    }

    /** The first good row of a document in this file: its name, and where the person is (stored or new). */
    private record Seen(int row, String name, Existing existing, int newIndex) { }

    private Plan plan(List<ParsedRow> rows, Caller caller) {
        Plan plan = new Plan();
        Rooms.Lookup lookup = rooms.lookup(caller.scope());
        Map<String, Existing> stored = batch.existing(rows.stream().filter(ParsedRow::valid)
                .map(r -> r.person().document()).distinct().toList());
        Map<String, Seen> seen = new HashMap<>();
        Map<String, Integer> placed = new HashMap<>(); // document key | room code → first row
        for (ParsedRow r : rows) {
            if (!r.valid()) {
                plan.problems.addAll(r.problems());
                continue;
            }
            RegisterPerson cmd = r.person();
            Optional<Rooms.Room> room = lookup.room(cmd.residence().addressCode());
            if (room.isEmpty()) {
                plan.problems.add(RowProblem.of(r.row(), "addressCode", "population.residence.room.unknown"));
                continue;
            }
            String key = PersonBatch.key(cmd.document());
            Integer sameRow = placed.putIfAbsent(key + "|" + room.get().code(), r.row());
            if (sameRow != null) {
                plan.problems.add(RowProblem.of(r.row(), null, "spreadsheet.error.duplicateRow", sameRow));
                continue;
            }
            String name = cmd.details().name();
            Seen first = seen.get(key);
            if (first != null && !first.name().equals(name)) {
                placed.remove(key + "|" + room.get().code());
                plan.problems.add(RowProblem.of(r.row(), "name", "population.import.nameDiffersInFile", first.row()));
                continue;
            }
            Existing existing = first != null ? first.existing() : stored.get(key);
            if (existing != null && !existing.name().equals(name)) {
                placed.remove(key + "|" + room.get().code());
                plan.problems.add(RowProblem.of(r.row(), "name", "population.import.nameConflict"));
                continue;
            }
            if (existing != null) {
                seen.putIfAbsent(key, new Seen(r.row(), name, existing, -1));
                if (existing.currentRooms().contains(room.get().code())) {
                    plan.unchanged++;
                } else {
                    existing.currentRooms().add(room.get().code());
                    plan.residences.add(new NewResidence(r.row(), existing.id(), -1, cmd.residence(), room.get()));
                    plan.versions.putIfAbsent(existing.id(), existing.version());
                }
            } else if (first != null) {
                plan.residences.add(new NewResidence(r.row(), null, first.newIndex(), cmd.residence(), room.get()));
            } else {
                seen.put(key, new Seen(r.row(), name, null, plan.newPersons.size()));
                plan.newPersons.add(new NewResident(r.row(), cmd, room.get()));
            }
        }
        return plan;
    }

    // ---- writing: one COPY per table ------------------------------------------------------------------------

    private void write(Plan plan, UUID importId, String username) {
        List<Long> personIds = batch.ids("population.person", plan.newPersons.size());
        List<Long> residenceIds = batch.ids("population.residence",
                plan.newPersons.size() + plan.residences.size());
        int[] versionOfNew = new int[plan.newPersons.size()];
        CopyRows persons = new CopyRows(PERSON_COLUMNS);
        CopyRows phones = new CopyRows("population.person_phone (person_id, position, phone)");
        CopyRows residences = new CopyRows("population.residence (id, person_id, node_code, node_path, room_key, "
                + "address_label, residence_type, relationship, moved_in, started_by)");
        CopyRows versions = new CopyRows("population.person_version (person_id, version, changed_by, change, changes)");
        for (NewResidence r : plan.residences) {
            if (r.personId() == null) {
                versionOfNew[r.newIndex()]++;
            }
        }
        int residenceAt = 0;
        for (int i = 0; i < plan.newPersons.size(); i++) {
            NewResident n = plan.newPersons.get(i);
            long id = personIds.get(i);
            Details d = n.cmd().details();
            SearchKeys keys = SearchKeys.of(d.name(), d.formerNames());
            persons.row(id, n.cmd().document().type().name(), n.cmd().document().value(), d.name(), d.formerNames(),
                    d.sex().code(), d.ethnicity() == null ? null : d.ethnicity().code(), d.birthDate(),
                    d.householdDivision(), d.occupation(), d.employer(), d.tags(), keys.text(), keys.pieces(),
                    keys.keys(), 1 + versionOfNew[i]);
            for (int p = 0; p < d.phones().size(); p++) {
                phones.row(id, p, d.phones().get(p).value());
            }
            long residenceId = residenceIds.get(residenceAt++);
            residence(residences, residenceId, id, n.room(), n.cmd().residence(), username);
            Map<String, Object> v = registered(n.cmd(), importId);
            v.put("residence", PersonRegistry.residenceFacts(residenceId, n.room(), n.cmd().residence()));
            versions.row(id, 1, username, "REGISTERED", batch.json(v));
        }
        int[] nextOfNew = new int[plan.newPersons.size()];
        Map<Long, Integer> versionOfExisting = new HashMap<>(plan.versions);
        for (NewResidence r : plan.residences) {
            long personId = r.personId() != null ? r.personId() : personIds.get(r.newIndex());
            int version = r.personId() != null
                    ? versionOfExisting.merge(personId, 1, Integer::sum)
                    : 2 + nextOfNew[r.newIndex()]++;
            long residenceId = residenceIds.get(residenceAt++);
            residence(residences, residenceId, personId, r.room(), r.residence(), username);
            Map<String, Object> facts = PersonRegistry.residenceFacts(residenceId, r.room(), r.residence());
            facts.put("importId", importId.toString());
            versions.row(personId, version, username, "RESIDENCE_STARTED", batch.json(facts));
        }
        batch.copy(persons);
        batch.copy(phones);
        batch.copy(residences);
        batch.copy(versions);
        batch.bumpVersions(versionOfExisting);
    }

    private static void residence(CopyRows rows, long id, long personId, Rooms.Room room, StartResidence r,
                                  String username) {
        rows.row(id, personId, room.code(), room.path(), room.key(), room.label(), r.type().name(),
                r.relationship() == null ? null : r.relationship().code(), r.moveIn(), username);
    }

    private static Map<String, Object> registered(RegisterPerson cmd, UUID importId) {
        Details d = cmd.details();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("documentType", cmd.document().type().name());
        v.put("idNumber", cmd.document().masked());
        v.put("name", d.name());
        v.put("sex", d.sex().code());
        v.put("ethnicity", d.ethnicity() == null ? null : d.ethnicity().code());
        v.put("birthDate", String.valueOf(d.birthDate()));
        v.put("phones", d.phones().stream().map(p -> p.masked()).toList());
        v.put("occupation", d.occupation());
        v.put("employer", d.employer());
        v.put("tags", d.tags());
        v.put("importId", importId.toString());
        return v;
    }
}

package org.beatbook.vehicle.internal;

import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.ImportReport;
import org.beatbook.shared.spreadsheet.ImportRuns;
import org.beatbook.shared.spreadsheet.RowProblem;
import org.beatbook.shared.spreadsheet.SheetImport;
import org.beatbook.shared.spreadsheet.SheetReader;
import org.beatbook.shared.spreadsheet.SheetRow;
import org.beatbook.shared.web.InvalidInput;
import org.beatbook.vehicle.internal.VehicleSheet.ParsedRow;
import org.beatbook.vehicle.internal.VehicleStore.Holder;
import org.beatbook.vehicle.internal.VehicleStore.Row;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Residents' vehicles from the xlsx template. Every row is checked by the rules of a registration on the form, its
 * owner found by ID number among the persons in the caller's jurisdiction and its room among the owner's current
 * homes there; everything is decided before anything is written, then the good rows go in with one statement.
 * A plate or tag already registered to the same owner leaves the row unchanged (so importing a file again creates
 * nothing); registered to anyone else, the row is rejected. One audit row records the run.
 */
@Service
public class VehicleImport implements SheetImport {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final VehicleSheet sheet;
    private final VehicleStore store;
    private final Owners owners;
    private final RegisteredVehicles registered;
    private final ImportRuns runs;
    private final ApplicationEventPublisher events;

    VehicleImport(MessageSource messages, VehicleStore store, Owners owners, RegisteredVehicles registered,
                  ImportRuns runs, ApplicationEventPublisher events) {
        this.sheet = VehicleSheet.of(messages);
        this.store = store;
        this.owners = owners;
        this.registered = registered;
        this.runs = runs;
        this.events = events;
    }

    /** Reads the upload (streamed; anything but a readable xlsx is refused whole) and imports it. */
    @Override
    @Transactional
    public ImportReport importFile(InputStream upload, String fileName, Caller caller) {
        return importRows(SheetReader.read(upload, VehicleSheet.COLUMNS, VehicleSheet.MAX_ROWS), fileName, caller);
    }

    @Transactional
    public ImportReport importRows(List<SheetRow> rows, String fileName, Caller caller) {
        LocalDate today = LocalDate.now(CHINA);
        Plan plan = plan(rows.stream().map(r -> sheet.parse(r, today)).toList(), caller);
        ImportReport report = ImportReport.of(VehicleSheet.KIND, fileName, rows.size(), plan.creates.size(),
                plan.unchanged, 0, plan.problems);
        try {
            store.insertAll(plan.creates, caller.username());
        } catch (DuplicateKeyException e) {
            throw InvalidInput.conflict("file", "vehicle.import.concurrent");
        }
        runs.save(report, caller.username());
        events.publishEvent(AuditEvent.success("VEHICLES_IMPORTED", "VEHICLE_IMPORT", report.id().toString(), null)
                .withDetail(String.format("%s: rows=%d created=%d unchanged=%d rejected=%d", report.fileName(),
                        report.rows(), report.created(), report.unchanged(), report.rejected())));
        if (!plan.creates.isEmpty()) {
            registered.reloadAfterCommit();
        }
        return report;
    }

    /** The report of a run of this user. */
    @Override
    public Optional<ImportReport> report(UUID id, Caller caller) {
        return runs.find(VehicleSheet.KIND, id, caller.username());
    }

    // ---- planning: every row decided before anything is written ----------------------------------------------

    private static final class Plan {
        final List<Row> creates = new ArrayList<>();
        final List<RowProblem> problems = new ArrayList<>();
        int unchanged;
    }

    private Plan plan(List<ParsedRow> rows, Caller caller) {
        Plan plan = new Plan();
        List<ParsedRow> valid = rows.stream().filter(ParsedRow::valid).toList();
        Map<String, Long> ownerIds = owners.byIdNumbers(valid.stream().map(ParsedRow::idNumber).distinct().toList(),
                caller.scope());
        Map<String, Holder> plates = store.holders("plate", valid.stream().map(r -> r.vehicle().plate())
                .filter(Objects::nonNull).distinct().toList());
        Map<String, Holder> tags = store.holders("tag", valid.stream().map(r -> r.vehicle().tag())
                .filter(Objects::nonNull).distinct().toList());
        Owners.Homes homes = owners.homes(caller.scope());
        Map<String, Integer> platesInFile = new HashMap<>();
        Map<String, Integer> tagsInFile = new HashMap<>();

        for (ParsedRow r : rows) {
            if (!r.valid()) {
                plan.problems.addAll(r.problems());
                continue;
            }
            Row v = r.vehicle();
            int row = r.row();
            Long ownerId = ownerIds.get(r.idNumber());
            if (ownerId == null) {
                plan.problems.add(RowProblem.of(row, "ownerIdNumber", "vehicle.import.owner.unknown"));
                continue;
            }
            Optional<Owners.Room> room = r.addressCode() != null ? homes.at(ownerId, r.addressCode())
                    : homes.of(ownerId);
            if (room.isEmpty()) {
                plan.problems.add(RowProblem.of(row, "addressCode", r.addressCode() != null
                        ? "vehicle.room.notOwners" : "vehicle.room.required"));
                continue;
            }
            Integer earlier = v.plate() == null ? null : platesInFile.get(v.plate());
            String field = "plate";
            if (earlier == null && v.tag() != null) {
                earlier = tagsInFile.get(v.tag());
                field = "tag";
            }
            if (earlier != null) {
                plan.problems.add(RowProblem.of(row, field, "spreadsheet.error.duplicateRow", earlier));
                continue;
            }
            Holder byPlate = v.plate() == null ? null : plates.get(v.plate());
            Holder byTag = v.tag() == null ? null : tags.get(v.tag());
            List<RowProblem> taken = new ArrayList<>();
            if (byPlate != null && byPlate.ownerId() != ownerId) {
                taken.add(RowProblem.of(row, "plate", "vehicle.import.plate.otherOwner"));
            }
            if (byTag != null && byTag.ownerId() != ownerId) {
                taken.add(RowProblem.of(row, "tag", "vehicle.import.tag.otherOwner"));
            }
            if (!taken.isEmpty()) {
                plan.problems.addAll(taken);
                continue;
            }
            if (v.plate() != null) {
                platesInFile.put(v.plate(), row);
            }
            if (v.tag() != null) {
                tagsInFile.put(v.tag(), row);
            }
            if (byPlate != null || byTag != null) {
                plan.unchanged++;
                continue;
            }
            Owners.Room home = room.get();
            plan.creates.add(new Row(0, v.kind(), v.plate(), v.plateColor(), v.vehicleType(), v.tag(), v.brand(),
                    v.colour(), ownerId, home.code(), home.path(), null, null, 1));
        }
        return plan;
    }
}

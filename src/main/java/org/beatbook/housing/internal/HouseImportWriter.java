package org.beatbook.housing.internal;

import org.beatbook.housing.internal.HouseCommands.AddTenancy;
import org.beatbook.housing.internal.HouseCommands.Verify;
import org.beatbook.housing.internal.HouseSheet.ParsedRow;
import org.beatbook.housing.internal.HouseStore.HouseRow;
import org.beatbook.housing.internal.HouseStore.TenancyRow;
import org.beatbook.housing.internal.RoomPlaces.Place;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.ImportReport;
import org.beatbook.shared.spreadsheet.ImportRuns;
import org.beatbook.shared.spreadsheet.RowProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the checked rows of a house import in the caller's transaction, counts each row as created, updated or
 * unchanged, records a version per changed house, keeps the report and audits the import once.
 */
@Component
class HouseImportWriter {

    /** A good row, its room, and the person its tenant is (or null). */
    record Row(ParsedRow parsed, Place place, Long tenantPersonId) { }

    private enum Outcome { CREATED, UPDATED, UNCHANGED }

    private final HouseStore store;
    private final ImportRuns runs;
    private final ApplicationEventPublisher events;

    HouseImportWriter(HouseStore store, ImportRuns runs, ApplicationEventPublisher events) {
        this.store = store;
        this.runs = runs;
        this.events = events;
    }

    ImportReport write(List<Row> rows, int read, List<RowProblem> problems, String fileName, Caller caller) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Map<String, List<TenancyRow>> tenancies = new HashMap<>();
        for (Row row : rows) {
            Outcome o = write(row, tenancies, caller);
            switch (o) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
        ImportReport report = ImportReport.of(HouseSheet.KIND, fileName, read, created, unchanged, updated, problems);
        runs.save(report, caller.username());
        events.publishEvent(AuditEvent.success("HOUSES_IMPORTED", "IMPORT", report.id().toString(), null)
                .withDetail(String.format("%s: rows=%d created=%d updated=%d unchanged=%d rejected=%d",
                        report.fileName(), report.rows(), created, updated, unchanged, report.rejected())));
        return report;
    }

    Optional<ImportReport> report(UUID id, Caller caller) {
        return runs.find(HouseSheet.KIND, id, caller.username());
    }

    private Outcome write(Row row, Map<String, List<TenancyRow>> tenancies, Caller caller) {
        ParsedRow r = row.parsed();
        Place place = row.place();
        Outcome outcome = Outcome.UNCHANGED;
        Optional<HouseRow> stored = store.lock(place.code());
        HouseCommands.SaveHouse h = r.house();
        HouseRow house;
        if (stored.isEmpty()) {
            house = new HouseRow(place.code(), place.path(), place.compoundCode(), place.label(), h.usage(), null,
                    h.ownerName(), h.ownerDocument(), h.ownerPhone(), h.landlordName(), h.landlordPhone(), null, null,
                    null, null, null, null, null, null, 1);
            store.insert(house);
            store.recordVersion(place.code(), caller.username(), "IMPORTED", HouseRegistry.facts(house));
            outcome = Outcome.CREATED;
        } else {
            HouseRow was = stored.get();
            house = new HouseRow(was.roomCode(), place.path(), place.compoundCode(), place.label(), h.usage(),
                    was.ownerPersonId(), h.ownerName(), h.ownerDocument(), h.ownerPhone(), h.landlordName(),
                    h.landlordPhone(), was.listingPlatform(), was.listingId(), was.listingUrl(), was.listingHost(),
                    was.verifiedOn(), was.verifiedBy(), was.verificationResult(), was.verificationNote(), was.version());
            // an owner linked to a person stays linked when the sheet names no owner
            if (was.ownerPersonId() != null && h.ownerName() == null) {
                house = house.withUsage(h.usage(), was.ownerPersonId(), was.ownerName(), was.ownerDocument(),
                        was.ownerPhone(), h.landlordName(), h.landlordPhone());
            } else if (was.ownerPersonId() != null) {
                house = house.withUsage(h.usage(), null, h.ownerName(), h.ownerDocument(), h.ownerPhone(),
                        h.landlordName(), h.landlordPhone());
            }
            if (!sameHouse(was, house)) {
                store.update(house);
                store.recordVersion(place.code(), caller.username(), "IMPORTED", HouseRegistry.facts(house));
                outcome = Outcome.UPDATED;
            }
        }
        Verify v = r.verification();
        if (v != null && (house.verifiedOn() == null || v.verifiedOn().isAfter(house.verifiedOn()))) {
            house = new HouseRow(house.roomCode(), house.nodePath(), house.compoundCode(), house.addressLabel(),
                    house.usage(), house.ownerPersonId(), house.ownerName(), house.ownerDocument(), house.ownerPhone(),
                    house.landlordName(), house.landlordPhone(), house.listingPlatform(), house.listingId(),
                    house.listingUrl(), house.listingHost(), v.verifiedOn(), caller.displayName(), v.result().name(),
                    v.note(), house.version());
            store.update(house);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("verifiedOn", v.verifiedOn().toString());
            facts.put("result", v.result().name());
            facts.put("note", v.note());
            store.recordVersion(place.code(), caller.username(), "VERIFIED", facts);
            outcome = outcome == Outcome.CREATED ? outcome : Outcome.UPDATED;
        }
        AddTenancy t = r.tenancy();
        if (t != null) {
            List<TenancyRow> known = tenancies.computeIfAbsent(place.code(), c -> new java.util.ArrayList<>(store.tenancies(c)));
            boolean exists = known.stream().anyMatch(k -> (Objects.equals(k.tenantDocument(), t.tenantDocument())
                    && k.startDate().equals(t.startDate()))
                    || (t.contractNumber() != null && t.contractNumber().equals(k.contractNumber())));
            if (!exists) {
                AddTenancy linked = new AddTenancy(row.tenantPersonId(), t.tenantName(), t.tenantDocument(),
                        t.tenantPhone(), t.startDate(), t.endDate(), t.contractNumber());
                long id = store.insertTenancy(place.code(), linked, caller.username());
                store.recordVersion(place.code(), caller.username(), "TENANCY_STARTED",
                        HouseRegistry.tenancyFacts(id, linked));
                known.add(new TenancyRow(id, place.code(), linked.tenantPersonId(), linked.tenantName(),
                        linked.tenantDocument(), linked.tenantPhone(), linked.startDate(), linked.endDate(),
                        linked.contractNumber(), null));
                outcome = Outcome.CREATED;
            }
        }
        return outcome;
    }

    private static boolean sameHouse(HouseRow a, HouseRow b) {
        return Objects.equals(a.usage(), b.usage()) && Objects.equals(a.ownerPersonId(), b.ownerPersonId())
                && Objects.equals(a.ownerName(), b.ownerName()) && Objects.equals(a.ownerDocument(), b.ownerDocument())
                && Objects.equals(a.ownerPhone(), b.ownerPhone()) && Objects.equals(a.landlordName(), b.landlordName())
                && Objects.equals(a.landlordPhone(), b.landlordPhone())
                && Objects.equals(a.addressLabel(), b.addressLabel());
    }
}

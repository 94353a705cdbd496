package org.beatbook.housing.internal;

import org.beatbook.housing.internal.HouseCommands.AddTenancy;
import org.beatbook.housing.internal.HouseSheet.ParsedRow;
import org.beatbook.housing.internal.RoomPlaces.Place;
import org.beatbook.population.PopulationApi;
import org.beatbook.population.PopulationApi.ResidentRef;
import org.beatbook.shared.masking.Masking;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.ImportReport;
import org.beatbook.shared.spreadsheet.RowProblem;
import org.beatbook.shared.spreadsheet.SheetImport;
import org.beatbook.shared.spreadsheet.SheetReader;
import org.beatbook.shared.spreadsheet.SheetRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Imports houses and tenancies from the xlsx template. Every row is checked (cells, room code within the caller's
 * scope, duplicates and contradictions within the file) before anything is written; all good rows are then written
 * in one transaction. Tenancies are matched by room + tenant document + start date or by room + contract number,
 * and a house or verification equal to what is stored counts as unchanged, so importing the same file twice changes
 * nothing. A tenant who lives in the room according to the person index (same name and document) is linked.
 */
@Service
public class HouseImport implements SheetImport {

    private final RoomPlaces places;
    private final PopulationApi population;
    private final Usages usages;
    private final HouseImportWriter writer;

    HouseImport(RoomPlaces places, PopulationApi population, Usages usages, HouseImportWriter writer) {
        this.places = places;
        this.population = population;
        this.usages = usages;
        this.writer = writer;
    }

    @Override
    @Transactional
    public ImportReport importFile(InputStream upload, String fileName, Caller caller) {
        List<SheetRow> rows = SheetReader.read(upload, HouseSheet.COLUMNS, HouseSheet.MAX_ROWS);
        return importRows(rows, fileName, caller);
    }

    @Transactional
    public ImportReport importRows(List<SheetRow> rows, String fileName, Caller caller) {
        var today = HouseInput.today();
        var dictionary = usages.all();
        List<RowProblem> problems = new ArrayList<>();
        List<ParsedRow> good = new ArrayList<>();
        Map<String, Optional<Place>> rooms = new HashMap<>();
        Map<String, ParsedRow> houseByRoom = new HashMap<>();
        Map<String, Integer> tenancyKeys = new HashMap<>();
        Map<String, Integer> plainRows = new HashMap<>();
        for (SheetRow raw : rows) {
            ParsedRow r = HouseSheet.parse(raw, dictionary, today);
            if (!r.ok()) {
                problems.addAll(r.problems());
                continue;
            }
            Optional<Place> place = rooms.computeIfAbsent(r.addressCode(), c -> places.find(c, caller.scope()));
            if (place.isEmpty()) {
                problems.add(RowProblem.of(r.row(), "addressCode", "housing.import.error.unknownRoom", r.addressCode()));
                continue;
            }
            RowProblem p = duplicate(r, houseByRoom, tenancyKeys, plainRows);
            if (p != null) {
                problems.add(p);
                continue;
            }
            good.add(r);
        }
        List<HouseImportWriter.Row> planned = good.stream()
                .map(r -> new HouseImportWriter.Row(r, rooms.get(r.addressCode()).orElseThrow(), link(r, caller)))
                .toList();
        return writer.write(planned, rows.size(), problems, fileName, caller);
    }

    @Override
    public Optional<ImportReport> report(UUID id, Caller caller) {
        return writer.report(id, caller);
    }

    /**
     * A row repeating an earlier one (same tenancy, or the same house without a tenancy), or whose house cells
     * contradict an earlier row of the same room, names that row.
     */
    private static RowProblem duplicate(ParsedRow r, Map<String, ParsedRow> houseByRoom,
                                        Map<String, Integer> tenancyKeys, Map<String, Integer> plainRows) {
        ParsedRow first = houseByRoom.get(r.addressCode());
        if (first != null && !Objects.equals(first.house(), r.house())) {
            return RowProblem.of(r.row(), "usage", "housing.import.error.houseConflict", first.row());
        }
        if (first != null && r.verification() != null && first.verification() != null
                && !Objects.equals(first.verification(), r.verification())) {
            return RowProblem.of(r.row(), "verifiedOn", "housing.import.error.houseConflict", first.row());
        }
        AddTenancy t = r.tenancy();
        if (t == null) {
            Integer earlier = plainRows.putIfAbsent(r.addressCode(), r.row());
            if (earlier != null) {
                return RowProblem.of(r.row(), null, "housing.import.error.duplicate", earlier);
            }
        } else {
            String byTenant = r.addressCode() + "|" + t.tenantDocument() + "|" + t.startDate();
            Integer earlier = tenancyKeys.get(byTenant);
            String byContract = t.contractNumber() == null ? null : r.addressCode() + "#" + t.contractNumber();
            if (earlier == null && byContract != null) {
                earlier = tenancyKeys.get(byContract);
            }
            if (earlier != null) {
                return RowProblem.of(r.row(), "tenantIdNumber", "housing.import.error.duplicate", earlier);
            }
            tenancyKeys.put(byTenant, r.row());
            if (byContract != null) {
                tenancyKeys.put(byContract, r.row());
            }
        }
        houseByRoom.putIfAbsent(r.addressCode(), r);
        return null;
    }

    /** The registered person the tenant is: a current occupant of the room with the same name and document. */
    private Long link(ParsedRow r, Caller caller) {
        AddTenancy t = r.tenancy();
        if (t == null || t.tenantDocument() == null) {
            return null;
        }
        String masked = Masking.idNumber(t.tenantDocument());
        List<ResidentRef> matches = population.occupants(r.addressCode(), caller.scope()).stream()
                .filter(p -> p.name().equals(t.tenantName()) && masked.equals(p.idNumber())).toList();
        return matches.size() == 1 ? matches.get(0).id() : null;
    }
}

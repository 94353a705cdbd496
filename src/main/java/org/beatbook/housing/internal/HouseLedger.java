package org.beatbook.housing.internal;

import org.beatbook.address.AddressNodeView;
import org.beatbook.housing.internal.HouseStore.LedgerLine;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.masking.Masking;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.spreadsheet.Workbooks;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The rental ledger (出租房屋台账) of a compound as xlsx: one line per current tenancy of its rental houses. Document
 * numbers and phones are masked unless the caller holds the reveal right (the same two roles that may reveal a
 * person) and states a purpose; every export is audited with its purpose.
 */
@Service
public class HouseLedger {

    /** Who may export whole numbers: mirrors the person index's reveal right. */
    public static final Set<Role> REVEALERS = Set.of(Role.STATION_LEADER, Role.COMMUNITY_OFFICER);
    static final int MAX_PURPOSE = 200;

    /** The file and whether it carries whole numbers. */
    public record Export(byte[] xlsx, String fileName, boolean revealed, int lines) { }

    private static final List<String> COLUMNS = List.of("roomCode", "address", "usage", "ownerName", "ownerIdNumber",
            "ownerPhone", "landlordName", "landlordPhone", "tenantName", "tenantIdNumber", "tenantPhone", "startDate",
            "endDate", "contractNumber", "verifiedOn", "verificationResult");

    private final HouseStore store;
    private final RoomPlaces places;
    private final Workbooks workbooks;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    HouseLedger(HouseStore store, RoomPlaces places, Workbooks workbooks, MessageSource messages,
                ApplicationEventPublisher events) {
        this.store = store;
        this.places = places;
        this.workbooks = workbooks;
        this.messages = messages;
        this.events = events;
    }

    @Transactional
    public Export export(String compoundCode, String purpose, Caller caller, Locale locale) {
        AddressNodeView compound = places.compound(compoundCode, caller.scope())
                .orElseThrow(() -> new HouseNotFound("compound", String.valueOf(compoundCode)));
        String why = purpose == null || purpose.isBlank() ? null : purpose.strip();
        if (why != null && why.codePointCount(0, why.length()) > MAX_PURPOSE) {
            throw InvalidInput.of("purpose", "housing.error.tooLong", MAX_PURPOSE);
        }
        boolean reveal = why != null && REVEALERS.contains(caller.role());
        List<LedgerLine> lines = store.ledger(new HouseStore.Filter(compound.code(), Usages.RENTAL, false),
                caller.scope(), HouseInput.today(), "en".equals(locale.getLanguage()));
        Function<String, String> id = reveal ? s -> s : Masking::idNumber;
        Function<String, String> phone = reveal ? s -> s : Masking::phone;
        List<List<?>> rows = new ArrayList<>(lines.size());
        for (LedgerLine l : lines) {
            List<Object> r = new ArrayList<>(COLUMNS.size());
            r.add(l.roomCode());
            r.add(l.address());
            r.add(l.usage());
            r.add(l.ownerName());
            r.add(id.apply(l.ownerDocument()));
            r.add(phone.apply(l.ownerPhone()));
            r.add(l.landlordName());
            r.add(phone.apply(l.landlordPhone()));
            r.add(l.tenantName());
            r.add(id.apply(l.tenantDocument()));
            r.add(phone.apply(l.tenantPhone()));
            r.add(text(l.startDate()));
            r.add(text(l.endDate()));
            r.add(l.contractNumber());
            r.add(text(l.verifiedOn()));
            r.add(l.verificationResult() == null ? null
                    : messages.getMessage("housing.verification." + l.verificationResult(), null, locale));
            rows.add(r);
        }
        List<String> headers = COLUMNS.stream()
                .map(c -> messages.getMessage("housing.ledger.column." + c, null, c, locale)).toList();
        String title = messages.getMessage("housing.ledger.title", new Object[]{compound.name()}, locale)
                + " · " + HouseInput.today() + (reveal ? "" : " · " + messages.getMessage("housing.ledger.masked", null, locale));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbooks.ledger(out, messages.getMessage("housing.ledger.sheet", null, locale), title, headers, rows);
        events.publishEvent(AuditEvent.success("HOUSE_LEDGER_EXPORTED", "COMPOUND", compound.code(), compound.path())
                .withPurpose(why == null ? null : Masking.scrub(why))
                .withDetail("lines=" + lines.size() + "; revealed=" + reveal));
        return new Export(out.toByteArray(), "rental-ledger-" + compound.code() + ".xlsx", reveal, lines.size());
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }
}

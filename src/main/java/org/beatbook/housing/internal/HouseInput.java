package org.beatbook.housing.internal;

import org.beatbook.housing.internal.HouseCommands.AddTenancy;
import org.beatbook.housing.internal.HouseCommands.RegisterGuest;
import org.beatbook.housing.internal.HouseCommands.SaveHouse;
import org.beatbook.housing.internal.HouseCommands.SetListing;
import org.beatbook.housing.internal.HouseCommands.Verify;
import org.beatbook.housing.internal.HouseRequests.GuestBody;
import org.beatbook.housing.internal.HouseRequests.HouseBody;
import org.beatbook.housing.internal.HouseRequests.ListingBody;
import org.beatbook.housing.internal.HouseRequests.TenancyBody;
import org.beatbook.housing.internal.HouseRequests.VerificationBody;
import org.beatbook.shared.masking.Masking;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The rules of what a house, a tenancy, a verification, a listing and a guest must hold. Each method checks every
 * field of a body and throws all broken rules at once (400 naming each field); the import applies the same rules
 * through {@link Checks} row by row.
 */
public final class HouseInput {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int MAX_NOTE = 500;
    static final int MAX_CONTRACT = 50;
    /** The house fields a reveal may show whole, by their API names. */
    public static final List<String> REVEALABLE = List.of("ownerIdNumber", "ownerPhone", "landlordPhone");
    static final int MIN_PURPOSE = 2;

    private HouseInput() {
    }

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    static SaveHouse house(HouseBody b, List<Usages.Usage> usages, LocalDate today) {
        Checks c = new Checks(today);
        if (b == null) {
            c.reject("usage", "housing.error.required");
            c.throwIfAny();
        }
        SaveHouse cmd = house(c, b.usage(), "usage", c.id("ownerPersonId", b.ownerPersonId()),
                b.ownerName(), b.ownerIdNumber(), b.ownerPhone(), b.landlordName(), b.landlordPhone(), usages);
        c.throwIfAny();
        return cmd;
    }

    /** Shared by the API and the import; field names are the API's. */
    static SaveHouse house(Checks c, String usageTyped, String usageField, Long ownerPersonId, String ownerName,
                           String ownerIdNumber, String ownerPhone, String landlordName, String landlordPhone,
                           List<Usages.Usage> usages) {
        String usage = null;
        if (Checks.blank(usageTyped)) {
            c.reject(usageField, "housing.error.required");
        } else {
            usage = Usages.find(usages, usageTyped).map(Usages.Usage::code).orElse(null);
            if (usage == null) {
                c.reject(usageField, "housing.error.usage", usageTyped.strip().length() > 20
                        ? usageTyped.strip().substring(0, 20) : usageTyped.strip());
            }
        }
        String name = c.name("ownerName", ownerName, false);
        String document = c.document("ownerIdNumber", ownerIdNumber, false);
        String phone = c.phone("ownerPhone", ownerPhone);
        if (ownerPersonId != null && (name != null || document != null)) {
            c.reject("ownerPersonId", "housing.error.personOrName");
        }
        if (ownerPersonId == null && Checks.blank(ownerName) && (document != null || phone != null)) {
            c.reject("ownerName", "housing.error.required");
        }
        return new SaveHouse(usage, ownerPersonId, name, document, phone, c.name("landlordName", landlordName, false),
                c.phone("landlordPhone", landlordPhone));
    }

    static AddTenancy tenancy(TenancyBody b, LocalDate today) {
        Checks c = new Checks(today);
        if (b == null) {
            c.reject("startDate", "housing.error.required");
            c.throwIfAny();
        }
        Long person = c.id("tenantPersonId", b.tenantPersonId());
        AddTenancy cmd = tenancy(c, person, b.tenantName(), b.tenantIdNumber(), b.tenantPhone(), b.startDate(),
                b.endDate(), b.contractNumber());
        c.throwIfAny();
        return cmd;
    }

    static AddTenancy tenancy(Checks c, Long personId, String tenantName, String tenantIdNumber, String tenantPhone,
                              String startDate, String endDate, String contractNumber) {
        String name = c.name("tenantName", tenantName, personId == null);
        String document = c.document("tenantIdNumber", tenantIdNumber, false);
        if (personId != null && (name != null || document != null)) {
            c.reject("tenantPersonId", "housing.error.personOrName");
        }
        String phone = c.phone("tenantPhone", tenantPhone);
        LocalDate start = c.date("startDate", startDate, true);
        LocalDate end = c.date("endDate", endDate, false);
        if (start != null && end != null && end.isBefore(start)) {
            c.reject("endDate", "housing.error.endBeforeStart", start);
            end = null;
        }
        String contract = c.reference("contractNumber", contractNumber, MAX_CONTRACT);
        return new AddTenancy(personId, name, document, phone, start, end, contract);
    }

    static LocalDate endedOn(String raw, LocalDate startDate, LocalDate today) {
        Checks c = new Checks(today);
        LocalDate d = Checks.blank(raw) ? today : c.date("endedOn", raw, true);
        if (d != null && startDate != null && d.isBefore(startDate)) {
            c.reject("endedOn", "housing.error.endBeforeStart", startDate);
        }
        c.throwIfAny();
        return d;
    }

    static Verify verification(VerificationBody b, LocalDate today) {
        Checks c = new Checks(today);
        if (b == null) {
            c.reject("result", "housing.error.required");
            c.throwIfAny();
        }
        Verify v = verification(c, b.verifiedOn(), b.result(), b.note(), true);
        c.throwIfAny();
        return v;
    }

    /** @param defaultToday an empty date means today (forms, API); a sheet leaves the verification out instead */
    static Verify verification(Checks c, String verifiedOn, String result, String note, boolean defaultToday) {
        LocalDate on = Checks.blank(verifiedOn) && defaultToday ? c.today() : c.pastDate("verifiedOn", verifiedOn, true);
        VerificationResult r = null;
        if (Checks.blank(result)) {
            c.reject("result", "housing.error.required");
        } else {
            r = VerificationResult.parse(result);
            if (r == null) {
                c.reject("result", "housing.error.result");
            }
        }
        String n = c.text("note", note, MAX_NOTE);
        if (r == VerificationResult.ABNORMAL && n == null && c.ok()) {
            c.reject("note", "housing.error.noteForAbnormal");
        }
        return new Verify(on, r, n == null ? null : Masking.scrub(n));
    }

    static SetListing listing(ListingBody b, LocalDate today) {
        Checks c = new Checks(today);
        if (b == null) {
            c.reject("platform", "housing.error.required");
            c.throwIfAny();
        }
        String platform = c.text("platform", b.platform(), 40);
        if (platform == null && Checks.blank(b.platform())) {
            c.reject("platform", "housing.error.required");
        }
        String id = c.reference("listingId", b.listingId(), 100);
        String url = c.text("url", b.url(), 500);
        if (url != null && !url.matches("https?://[^\\s]+")) {
            c.reject("url", "housing.error.url");
            url = null;
        }
        if (id == null && url == null && c.ok()) {
            c.reject("listingId", "housing.error.listingIdOrUrl");
        }
        String host = c.name("host", b.host(), false);
        c.throwIfAny();
        return new SetListing(platform, id, url, host);
    }

    static RegisterGuest guest(GuestBody b, LocalDate today) {
        Checks c = new Checks(today);
        if (b == null) {
            c.reject("checkIn", "housing.error.required");
            c.throwIfAny();
        }
        Long person = c.id("personId", b.personId());
        String name = c.name("name", b.name(), person == null);
        String document = c.document("idNumber", b.idNumber(), person == null);
        if (person != null && (name != null || document != null)) {
            c.reject("personId", "housing.error.personOrName");
        }
        LocalDate in = c.pastDate("checkIn", b.checkIn(), true);
        LocalDate out = c.date("checkOut", b.checkOut(), false);
        if (in != null && out != null && out.isBefore(in)) {
            c.reject("checkOut", "housing.error.checkOutBeforeCheckIn", in);
        }
        c.throwIfAny();
        return new RegisterGuest(person, name, document == null ? null : Masking.idNumber(document), in, out);
    }

    /** A reveal: one of {@link #REVEALABLE} and a purpose of 2 to 200 characters, both reported at once. */
    static HouseCommands.Reveal reveal(HouseRequests.RevealBody b) {
        Checks c = new Checks(today());
        String field = b == null || Checks.blank(b.field()) ? null : b.field().strip();
        if (field == null) {
            c.reject("field", "housing.error.required");
        } else if (!REVEALABLE.contains(field)) {
            c.reject("field", "housing.reveal.field.unknown");
        }
        String purpose = b == null ? null : c.text("purpose", b.purpose(), HouseLedger.MAX_PURPOSE);
        if (purpose == null && c.violations().stream().noneMatch(v -> "purpose".equals(v.field()))) {
            c.reject("purpose", "housing.reveal.purpose.required");
        } else if (purpose != null && purpose.codePointCount(0, purpose.length()) < MIN_PURPOSE) {
            c.reject("purpose", "housing.reveal.purpose.length", MIN_PURPOSE, HouseLedger.MAX_PURPOSE);
        }
        c.throwIfAny();
        return new HouseCommands.Reveal(field, purpose);
    }
}

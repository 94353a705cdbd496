package org.beatbook.organisation.internal;

import org.beatbook.organisation.CreditCode;
import org.beatbook.organisation.internal.OrganisationRequests.EmployeeBody;
import org.beatbook.organisation.internal.OrganisationRequests.OrganisationBody;
import org.beatbook.population.Checked;
import org.beatbook.population.DocumentNumber;
import org.beatbook.population.DocumentType;
import org.beatbook.population.Finding;
import org.beatbook.population.PhoneNumber;
import org.beatbook.shared.web.InvalidInput;
import org.beatbook.shared.web.InvalidInput.Violation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rules of what may be stored, for the API, the pages and the import alike: every broken rule is reported with
 * its field, so one answer (or one import row) lists them all. Dictionary values are accepted by their code or by
 * their label in either language (a spreadsheet says 企业, the API ENTERPRISE).
 */
@Component
public class OrganisationInput {

    static final int MAX_NAME = 100;
    static final int MAX_PERSON_NAME = 50;
    static final int MAX_INDUSTRY = 50;
    static final int MAX_PURPOSE = 200;
    private static final Pattern LANDLINE = Pattern.compile("(0[0-9]{2,3})-?([1-9][0-9]{6,7})(-[0-9]{1,5})?");

    /** The checked facts, or every broken rule (then facts is null). */
    record Outcome(OrganisationFacts facts, List<Violation> violations) { }

    private final Map<String, OrganisationType> types = new HashMap<>();
    private final Map<String, OrganisationStatus> statuses = new HashMap<>();
    private final Map<String, StaffRole> roles = new HashMap<>();

    OrganisationInput(MessageSource messages) {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (OrganisationType t : OrganisationType.values()) {
                types.put(messages.getMessage(t.messageKey(), null, t.name(), locale).toLowerCase(Locale.ROOT), t);
            }
            for (OrganisationStatus s : OrganisationStatus.values()) {
                statuses.put(messages.getMessage(s.messageKey(), null, s.name(), locale).toLowerCase(Locale.ROOT), s);
            }
            for (StaffRole r : StaffRole.values()) {
                roles.put(messages.getMessage(r.messageKey(), null, r.name(), locale).toLowerCase(Locale.ROOT), r);
            }
        }
        for (OrganisationType t : OrganisationType.values()) {
            types.put(t.name().toLowerCase(Locale.ROOT), t);
        }
        for (OrganisationStatus s : OrganisationStatus.values()) {
            statuses.put(s.name().toLowerCase(Locale.ROOT), s);
        }
        for (StaffRole r : StaffRole.values()) {
            roles.put(r.name().toLowerCase(Locale.ROOT), r);
        }
    }

    /** Checks a whole body; {@code places} resolves an address code within the caller's scope. */
    Outcome check(OrganisationBody b, Function<String, Places.Result> places) {
        List<Violation> v = new ArrayList<>();
        String name = text(b.name(), "name", MAX_NAME, true, v);
        CreditCode code = null;
        if (present(b.creditCode())) {
            CreditCode.Checked c = CreditCode.parse(b.creditCode());
            if (c.valid()) {
                code = c.code();
            } else {
                v.add(new Violation("creditCode", c.problem().messageKey(), c.args()));
            }
        }
        OrganisationType type = null;
        if (!present(b.type())) {
            v.add(new Violation("type", "organisation.error.required"));
        } else {
            type = types.get(b.type().strip().toLowerCase(Locale.ROOT));
            if (type == null) {
                v.add(new Violation("type", "organisation.error.type", clip(b.type())));
            }
        }
        String industry = text(b.industry(), "industry", MAX_INDUSTRY, false, v);
        Places.Place place = null;
        if (!present(b.addressCode())) {
            v.add(new Violation("addressCode", "organisation.error.required"));
        } else {
            Places.Result r = places.apply(b.addressCode().strip());
            if (r.place() == null) {
                v.add(new Violation("addressCode", "organisation.error.address." + r.refusal().name().toLowerCase(Locale.ROOT),
                        clip(b.addressCode())));
            }
            place = r.place();
        }
        String rep = text(b.legalRepresentative(), "legalRepresentative", MAX_PERSON_NAME, false, v);
        DocumentNumber repDocument = document(b.legalRepresentativeDocumentType(), b.legalRepresentativeDocument(),
                "legalRepresentativeDocumentType", "legalRepresentativeDocument", v);
        if (repDocument != null && rep == null) {
            v.add(new Violation("legalRepresentative", "organisation.error.nameForDocument"));
        }
        String phone = phone(b.phone(), "phone", v);
        String security = text(b.securityContact(), "securityContact", MAX_PERSON_NAME, false, v);
        String securityPhone = phone(b.securityPhone(), "securityPhone", v);
        OrganisationStatus status = OrganisationStatus.OPERATING;
        if (present(b.status())) {
            status = statuses.get(b.status().strip().toLowerCase(Locale.ROOT));
            if (status == null) {
                v.add(new Violation("status", "organisation.error.status", clip(b.status())));
            }
        }
        if (!v.isEmpty()) {
            return new Outcome(null, v);
        }
        return new Outcome(new OrganisationFacts(name, code, type, industry, place, rep, repDocument,
                b.legalRepresentativePersonId(), phone, security, securityPhone, status), List.of());
    }

    /** Checks a whole body or throws every broken rule as one 400. */
    OrganisationFacts facts(OrganisationBody b, Function<String, Places.Result> places) {
        Outcome o = check(b, places);
        if (!o.violations().isEmpty()) {
            throw new InvalidInput(o.violations());
        }
        return o.facts();
    }

    /** A person starting at a unit, checked; the person id (if any) is checked against the scope by the caller. */
    record Staff(Long personId, String name, DocumentNumber document, String phone, StaffRole role, LocalDate start) { }

    Staff staff(EmployeeBody b) {
        if (b == null) {
            throw InvalidInput.of("role", "organisation.error.required");
        }
        List<Violation> v = new ArrayList<>();
        String name = text(b.name(), "name", MAX_PERSON_NAME, b.personId() == null, v);
        DocumentNumber document = document(b.documentType(), b.document(), "documentType", "document", v);
        String phone = phone(b.phone(), "phone", v);
        StaffRole role = null;
        if (!present(b.role())) {
            v.add(new Violation("role", "organisation.error.required"));
        } else {
            role = roles.get(b.role().strip().toLowerCase(Locale.ROOT));
            if (role == null) {
                v.add(new Violation("role", "organisation.error.role", clip(b.role())));
            }
        }
        LocalDate start = date(b.startDate(), "startDate", v);
        if (!v.isEmpty()) {
            throw new InvalidInput(v);
        }
        return new Staff(b.personId(), name, document, phone, role, start);
    }

    /** A date typed as yyyy-MM-dd, not in the future; today when blank. */
    static LocalDate day(String raw, String field) {
        List<Violation> v = new ArrayList<>();
        LocalDate d = date(raw, field, v);
        if (!v.isEmpty()) {
            throw new InvalidInput(v);
        }
        return d;
    }

    /** A stated purpose for seeing full numbers: required, at most 200 characters. */
    static String purpose(String raw) {
        if (raw == null || raw.isBlank()) {
            throw InvalidInput.of("purpose", "organisation.error.purpose");
        }
        String p = raw.strip();
        if (p.length() > MAX_PURPOSE) {
            throw InvalidInput.of("purpose", "organisation.error.long", MAX_PURPOSE);
        }
        return p;
    }

    /** A dictionary type by code or label; null when blank or unknown. */
    OrganisationType type(String raw) {
        return present(raw) ? types.get(raw.strip().toLowerCase(Locale.ROOT)) : null;
    }

    private static LocalDate date(String raw, String field, List<Violation> v) {
        if (!present(raw)) {
            return LocalDate.now();
        }
        try {
            LocalDate d = LocalDate.parse(raw.strip());
            if (d.isAfter(LocalDate.now()) || d.getYear() < 1900) {
                v.add(new Violation(field, "organisation.error.dateRange", clip(raw)));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            v.add(new Violation(field, "organisation.error.date", clip(raw)));
            return null;
        }
    }

    private static DocumentNumber document(String rawType, String raw, String typeField, String field,
                                           List<Violation> v) {
        if (!present(raw)) {
            return null;
        }
        DocumentType type = DocumentType.RESIDENT_ID;
        if (present(rawType)) {
            try {
                type = DocumentType.valueOf(rawType.strip());
            } catch (IllegalArgumentException e) {
                v.add(new Violation(typeField, "organisation.error.documentType", clip(rawType)));
                return null;
            }
        }
        Checked<DocumentNumber> d = DocumentNumber.parse(type, raw);
        if (!d.isValid()) {
            Finding f = d.rejection().orElseThrow();
            v.add(new Violation(field, f.messageKey(), f.messageArgs()));
            return null;
        }
        return d.value();
    }

    /** A mobile (11 digits) or a landline with area code (0555-1234567); null when blank. */
    static String phone(String raw, String field, List<Violation> v) {
        if (!present(raw)) {
            return null;
        }
        String s = raw.strip();
        if (s.length() > 30) {
            v.add(new Violation(field, "organisation.error.phone"));
            return null;
        }
        Checked<PhoneNumber> mobile = PhoneNumber.parse(s);
        if (mobile.isValid()) {
            return mobile.value().value();
        }
        var m = LANDLINE.matcher(s.replaceAll("[\\s()（）]", ""));
        if (m.matches()) {
            return m.group(1) + "-" + m.group(2) + (m.group(3) == null ? "" : m.group(3));
        }
        v.add(new Violation(field, "organisation.error.phone"));
        return null;
    }

    private static String text(String raw, String field, int max, boolean required, List<Violation> v) {
        if (!present(raw)) {
            if (required) {
                v.add(new Violation(field, "organisation.error.required"));
            }
            return null;
        }
        String s = raw.strip();
        if (s.codePointCount(0, s.length()) > max) {
            v.add(new Violation(field, "organisation.error.long", max));
            return null;
        }
        if (s.codePoints().anyMatch(Character::isISOControl)) {
            v.add(new Violation(field, "organisation.error.control"));
            return null;
        }
        return s;
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** Echoed values are cut short (they are shown in error messages). */
    private static String clip(String s) {
        String t = s.strip();
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}

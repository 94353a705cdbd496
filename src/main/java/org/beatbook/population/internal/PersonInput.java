package org.beatbook.population.internal;

import org.beatbook.population.Checked;
import org.beatbook.population.DivisionCodes;
import org.beatbook.population.DocumentNumber;
import org.beatbook.population.DocumentType;
import org.beatbook.population.Ethnicity;
import org.beatbook.population.Finding;
import org.beatbook.population.IdNumber;
import org.beatbook.population.PhoneNumber;
import org.beatbook.population.Relationship;
import org.beatbook.population.ResidenceType;
import org.beatbook.population.Sex;
import org.beatbook.population.internal.PersonCommands.ChangePerson;
import org.beatbook.population.internal.PersonCommands.Details;
import org.beatbook.population.internal.PersonCommands.RegisterPerson;
import org.beatbook.population.internal.PersonCommands.StartResidence;
import org.beatbook.population.internal.PersonRequests.NewPerson;
import org.beatbook.population.internal.PersonRequests.NewResidence;
import org.beatbook.population.internal.PersonRequests.PersonChange;
import org.beatbook.shared.web.InvalidInput;
import org.beatbook.shared.web.InvalidInput.Violation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what a caller typed into commands, checking every field and reporting all broken rules at once
 * (an officer at the gate fixes three fields in one go, not one per attempt). Message keys live in
 * {@code messages/population*.properties}.
 */
public final class PersonInput {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int MAX_NAME = 50;
    static final int MAX_FORMER_NAMES = 5;
    static final int MAX_PHONES = 5;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 20;
    static final int MAX_TEXT = 100;
    static final int MAX_ADDRESS_CODE = 64;
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    // Letters of any script, the middle dot of transliterated names (·, •, ・), spaces and hyphens.
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}·•・ \\-]*");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final LocalDate today;
    private final List<Violation> errors = new ArrayList<>();
    private final List<Violation> warnings = new ArrayList<>();

    private PersonInput(LocalDate today) {
        this.today = today;
    }

    public static RegisterPerson register(NewPerson in) {
        return register(in, LocalDate.now(CHINA));
    }

    static RegisterPerson register(NewPerson in, LocalDate today) {
        PersonInput p = new PersonInput(today);
        DocumentType type = p.documentType(in.documentType());
        DocumentNumber document = type == null ? null : p.document(type, in.idNumber());
        String name = p.name("name", in.name(), true);
        List<String> former = p.formerNames(in.formerNames());
        Sex typedSex = p.sex(in.sex());
        LocalDate typedBirth = p.date("birthDate", in.birthDate(), false);
        Sex sex = typedSex == null ? Sex.UNKNOWN : typedSex;
        LocalDate birth = typedBirth;
        if (document != null && (type == DocumentType.RESIDENT_ID || type == DocumentType.HMT_RESIDENCE_PERMIT)) {
            IdNumber id = IdNumber.parse(document.value(), today).value();
            for (Finding f : id.mismatches(typedBirth, typedSex)) {
                p.warnings.add(new Violation(f.messageKey().contains("birthDate") ? "birthDate" : "sex",
                        f.messageKey(), f.messageArgs()));
            }
            sex = id.sex();
            birth = id.birthDate();
        }
        List<PhoneNumber> phones = p.phones(in.phone(), in.phones());
        Ethnicity ethnicity = p.ethnicity(in.ethnicity());
        String division = p.division(in.householdDivision());
        String occupation = p.text("occupation", in.occupation());
        String employer = p.text("employer", in.employer());
        List<String> tags = p.tags(in.tags());
        StartResidence residence = p.residence(in.addressCode(), in.residenceType(), in.relationship(),
                in.moveInDate(), birth);
        p.throwIfErrors();
        Details details = new Details(name, former, sex, ethnicity, birth, phones, division, occupation, employer, tags);
        return new RegisterPerson(document, details, residence, Boolean.TRUE.equals(in.confirmNew()),
                Boolean.TRUE.equals(in.linkExisting()), p.warnings);
    }

    public static StartResidence residence(NewResidence in) {
        PersonInput p = new PersonInput(LocalDate.now(CHINA));
        StartResidence r = p.residence(in.addressCode(), in.residenceType(), in.relationship(), in.moveInDate(), null);
        p.throwIfErrors();
        return r;
    }

    /** The move-out date; today when not given. */
    public static LocalDate moveOut(String raw) {
        PersonInput p = new PersonInput(LocalDate.now(CHINA));
        LocalDate d = p.date("moveOutDate", raw, false);
        p.throwIfErrors();
        return d == null ? p.today : d;
    }

    /**
     * A change. Birth date and sex of a person registered with an ID number are the number's and cannot be
     * changed here ({@code idLike}).
     */
    public static ChangePerson change(PersonChange in, boolean idLike) {
        PersonInput p = new PersonInput(LocalDate.now(CHINA));
        String name = in.name() == null ? null : p.name("name", in.name(), true);
        List<String> former = in.formerNames() == null ? null : p.formerNames(in.formerNames());
        Sex sex = in.sex() == null ? null : p.sex(in.sex());
        LocalDate birth = in.birthDate() == null ? null : p.date("birthDate", in.birthDate(), false);
        if (idLike && sex != null) {
            p.errors.add(new Violation("sex", "population.person.fixedByIdNumber"));
        }
        if (idLike && birth != null) {
            p.errors.add(new Violation("birthDate", "population.person.fixedByIdNumber"));
        }
        List<PhoneNumber> phones = in.phones() == null ? null : p.phones(null, in.phones());
        Ethnicity ethnicity = in.ethnicity() == null ? null : p.ethnicity(in.ethnicity());
        String division = in.householdDivision() == null ? null : orEmpty(p.division(in.householdDivision()));
        String occupation = in.occupation() == null ? null : orEmpty(p.text("occupation", in.occupation()));
        String employer = in.employer() == null ? null : orEmpty(p.text("employer", in.employer()));
        List<String> tags = in.tags() == null ? null : p.tags(in.tags());
        p.throwIfErrors();
        return new ChangePerson(name, former, sex, ethnicity, birth, phones, division, occupation, employer, tags);
    }

    /** The purpose of a reveal: required, 2 to 200 characters. */
    public static String purpose(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            throw InvalidInput.of("purpose", "population.reveal.purpose.required");
        }
        if (s.codePointCount(0, s.length()) < 2 || s.length() > 200 || hasControl(s)) {
            throw InvalidInput.of("purpose", "population.reveal.purpose.length", 2, 200);
        }
        return s;
    }

    private void throwIfErrors() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private DocumentType documentType(String raw) {
        if (raw == null || raw.isBlank()) {
            return DocumentType.RESIDENT_ID;
        }
        try {
            return DocumentType.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Violation("documentType", "population.person.documentType.unknown"));
            return null;
        }
    }

    private DocumentNumber document(DocumentType type, String raw) {
        Checked<DocumentNumber> checked = DocumentNumber.parse(type, raw, today);
        if (!checked.isValid()) {
            Finding f = checked.rejection().orElseThrow();
            errors.add(new Violation("idNumber", f.messageKey(), f.messageArgs()));
            return null;
        }
        checked.warnings().forEach(w -> warnings.add(new Violation("idNumber", w.messageKey(), w.messageArgs())));
        return checked.value();
    }

    private String name(String field, String raw, boolean required) {
        String s = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (s.isEmpty()) {
            if (required) {
                errors.add(new Violation(field, "population.person.name.required"));
            }
            return null;
        }
        if (s.codePointCount(0, s.length()) > MAX_NAME) {
            errors.add(new Violation(field, "population.person.name.length", MAX_NAME));
            return null;
        }
        if (!NAME.matcher(s).matches()) {
            errors.add(new Violation(field, "population.person.name.characters"));
            return null;
        }
        return s;
    }

    private List<String> formerNames(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX_FORMER_NAMES) {
            errors.add(new Violation("formerNames", "population.person.formerNames.count", MAX_FORMER_NAMES));
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String n = name("formerNames[" + i + "]", raw.get(i), false);
            if (n != null) {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }

    private Sex sex(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip().toUpperCase(Locale.ROOT);
        Optional<Sex> sex = Sex.fromCode(s);
        if (sex.isEmpty()) {
            try {
                sex = Optional.of(Sex.valueOf(s));
            } catch (IllegalArgumentException e) {
                errors.add(new Violation("sex", "population.person.sex.unknown"));
                return null;
            }
        }
        return sex.get();
    }

    private LocalDate date(String field, String raw, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                errors.add(new Violation(field, "population.person.date.required"));
            }
            return null;
        }
        String s = raw.strip();
        LocalDate d;
        try {
            if (!DATE.matcher(s).matches()) {
                throw new DateTimeParseException("format", s, 0);
            }
            d = LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            errors.add(new Violation(field, "population.person.date.format"));
            return null;
        }
        if (d.isAfter(today)) {
            errors.add(new Violation(field, "population.person.date.future", d));
            return null;
        }
        if (d.isBefore(EARLIEST)) {
            errors.add(new Violation(field, "population.person.date.before1900", d));
            return null;
        }
        return d;
    }

    private List<PhoneNumber> phones(String first, List<String> more) {
        List<String> raw = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        if (first != null && !first.isBlank()) {
            raw.add(first);
            fields.add("phone");
        }
        if (more != null) {
            for (int i = 0; i < more.size(); i++) {
                raw.add(more.get(i));
                fields.add("phones[" + i + "]");
            }
        }
        if (raw.size() > MAX_PHONES) {
            errors.add(new Violation("phones", "population.person.phones.count", MAX_PHONES));
            return List.of();
        }
        Set<PhoneNumber> out = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            Checked<PhoneNumber> c = PhoneNumber.parse(raw.get(i));
            if (c.isValid()) {
                out.add(c.value());
            } else {
                Finding f = c.rejection().orElseThrow();
                errors.add(new Violation(fields.get(i), f.messageKey(), f.messageArgs()));
            }
        }
        return List.copyOf(out);
    }

    private Ethnicity ethnicity(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        Optional<Ethnicity> e = Ethnicity.fromCode(s).or(() -> Ethnicity.fromChineseName(s));
        if (e.isEmpty()) {
            try {
                e = Optional.of(Ethnicity.valueOf(s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException x) {
                errors.add(new Violation("ethnicity", "population.person.ethnicity.unknown"));
                return null;
            }
        }
        return e.get();
    }

    private String division(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        if (!s.matches("[0-9]{6}") || !DivisionCodes.table().isKnown(s)) {
            errors.add(new Violation("householdDivision", "population.person.division.unknown"));
            return null;
        }
        return s;
    }

    private String text(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        if (s.length() > MAX_TEXT || hasControl(s)) {
            errors.add(new Violation(field, "population.person.text.length", MAX_TEXT));
            return null;
        }
        return s;
    }

    private List<String> tags(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX_TAGS) {
            errors.add(new Violation("tags", "population.person.tags.count", MAX_TAGS));
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String t = raw.get(i) == null ? "" : raw.get(i).strip();
            if (t.isEmpty() || t.length() > MAX_TAG || hasControl(t) || t.contains(",")) {
                errors.add(new Violation("tags[" + i + "]", "population.person.tag.invalid", MAX_TAG));
            } else {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    private StartResidence residence(String addressCode, String residenceType, String relationship,
                                     String moveInDate, LocalDate birthDate) {
        String code = addressCode == null ? "" : addressCode.strip();
        if (code.isEmpty()) {
            errors.add(new Violation("addressCode", "population.residence.addressCode.required"));
        } else if (code.length() > MAX_ADDRESS_CODE || hasControl(code)) {
            errors.add(new Violation("addressCode", "population.residence.room.unknown"));
        }
        ResidenceType type = null;
        if (residenceType == null || residenceType.isBlank()) {
            errors.add(new Violation("residenceType", "population.residence.type.required"));
        } else {
            try {
                type = ResidenceType.valueOf(residenceType.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new Violation("residenceType", "population.residence.type.unknown"));
            }
        }
        Relationship rel = null;
        if (relationship != null && !relationship.isBlank()) {
            String r = relationship.strip();
            Optional<Relationship> found = Relationship.fromCode(r);
            if (found.isEmpty()) {
                try {
                    found = Optional.of(Relationship.valueOf(r.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    errors.add(new Violation("relationship", "population.residence.relationship.unknown"));
                }
            }
            rel = found.orElse(null);
            if (rel != null && type != null && type != ResidenceType.FAMILY) {
                errors.add(new Violation("relationship", "population.residence.relationship.onlyFamily"));
            }
        } else if (type == ResidenceType.FAMILY) {
            errors.add(new Violation("relationship", "population.residence.relationship.required"));
        }
        LocalDate moveIn = date("moveInDate", moveInDate, false);
        if (moveIn != null && birthDate != null && moveIn.isBefore(birthDate)) {
            errors.add(new Violation("moveInDate", "population.residence.moveIn.beforeBirth", birthDate));
        }
        return new StartResidence(code, type, rel, moveIn == null ? today : moveIn);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static boolean hasControl(String s) {
        return s.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE);
    }
}

package org.beatbook.housing.internal;

import org.beatbook.population.Checked;
import org.beatbook.population.DocumentNumber;
import org.beatbook.population.DocumentType;
import org.beatbook.population.PhoneNumber;
import org.beatbook.shared.web.InvalidInput;
import org.beatbook.shared.web.InvalidInput.Violation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values field by field and collects every broken rule, so a form, a JSON body or a sheet row reports
 * all its problems at once. Each reader answers null for an empty optional value and for a refused one.
 */
final class Checks {

    static final int MAX_NAME = 50;
    static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);
    // Letters of any script, the middle dot of transliterated names, spaces and hyphens.
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}·•・ \\-]*");
    // 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, 20240301
    private static final Pattern DATE = Pattern.compile(
            "([0-9]{4})(?:([-/.])([0-9]{1,2})\\2([0-9]{1,2})|年([0-9]{1,2})月([0-9]{1,2})日?|([0-9]{2})([0-9]{2}))");
    private static final List<DocumentType> ID_SHAPED = List.of(DocumentType.HMT_RESIDENCE_PERMIT,
            DocumentType.FOREIGNER_PERMANENT_RESIDENCE);
    private static final List<DocumentType> OTHER_DOCUMENTS = List.of(DocumentType.FOREIGNER_PERMANENT_RESIDENCE,
            DocumentType.CHINESE_PASSPORT,
            DocumentType.HK_MACAO_TRAVEL_PERMIT, DocumentType.TAIWAN_TRAVEL_PERMIT, DocumentType.FOREIGN_PASSPORT);

    private final LocalDate today;
    private final List<Violation> violations = new ArrayList<>();

    Checks(LocalDate today) {
        this.today = today;
    }

    List<Violation> violations() {
        return violations;
    }

    boolean ok() {
        return violations.isEmpty();
    }

    /** Throws the collected violations as one 400 answer. */
    void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    void reject(String field, String key, Object... args) {
        violations.add(new Violation(field, key, args));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A person's name: 1–50 letters. */
    String name(String field, String raw, boolean required) {
        if (blank(raw)) {
            if (required) {
                reject(field, "housing.error.required");
            }
            return null;
        }
        String s = raw.strip();
        if (s.codePointCount(0, s.length()) > MAX_NAME) {
            reject(field, "housing.error.tooLong", MAX_NAME);
            return null;
        }
        if (!NAME.matcher(s).matches()) {
            reject(field, "housing.error.name");
            return null;
        }
        return s;
    }

    /** Free text up to {@code max} characters. */
    String text(String field, String raw, int max) {
        if (blank(raw)) {
            return null;
        }
        String s = raw.strip();
        if (s.codePointCount(0, s.length()) > max) {
            reject(field, "housing.error.tooLong", max);
            return null;
        }
        if (s.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            reject(field, "housing.error.characters");
            return null;
        }
        return s;
    }

    /** A contract, listing or other reference: letters, digits and -_/.# up to {@code max}. */
    String reference(String field, String raw, int max) {
        String s = text(field, raw, max);
        if (s != null && !s.matches("[\\p{L}\\p{N}\\-_/.#:?=&%+~]+")) {
            reject(field, "housing.error.reference");
            return null;
        }
        return s;
    }

    /** A calendar date between 1950 and a year from now, in one of the usual spellings. */
    LocalDate date(String field, String raw, boolean required) {
        if (blank(raw)) {
            if (required) {
                reject(field, "housing.error.required");
            }
            return null;
        }
        LocalDate d = parseDate(raw.strip());
        if (d == null) {
            reject(field, "housing.error.date", raw.strip().length() > 20 ? raw.strip().substring(0, 20) : raw.strip());
            return null;
        }
        if (d.isBefore(EARLIEST) || d.isAfter(today.plusYears(30))) {
            reject(field, "housing.error.dateRange", d);
            return null;
        }
        return d;
    }

    /** A date that cannot lie in the future (a verification, a check-in). */
    LocalDate pastDate(String field, String raw, boolean required) {
        LocalDate d = date(field, raw, required);
        if (d != null && d.isAfter(today)) {
            reject(field, "housing.error.future", d);
            return null;
        }
        return d;
    }

    static LocalDate parseDate(String s) {
        Matcher m = DATE.matcher(s);
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        String month = m.group(3) != null ? m.group(3) : m.group(5) != null ? m.group(5) : m.group(7);
        String day = m.group(4) != null ? m.group(4) : m.group(6) != null ? m.group(6) : m.group(8);
        try {
            return LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A mainland mobile, normalised to 11 digits. */
    String phone(String field, String raw) {
        if (blank(raw)) {
            return null;
        }
        Checked<PhoneNumber> p = PhoneNumber.parse(raw);
        if (!p.isValid()) {
            var f = p.rejection().orElseThrow();
            reject(field, f.messageKey(), f.messageArgs());
            return null;
        }
        return p.value().value();
    }

    /**
     * An identity document number: a resident ID (GB 11643, with its reasons when refused) for anything shaped like
     * one, else any other document format the person index knows.
     */
    String document(String field, String raw, boolean required) {
        if (blank(raw)) {
            if (required) {
                reject(field, "housing.error.required");
            }
            return null;
        }
        Checked<DocumentNumber> id = DocumentNumber.parse(DocumentType.RESIDENT_ID, raw, today);
        if (id.isValid()) {
            return id.value().value();
        }
        // a number shaped like a resident ID is one (or an ID-shaped permit), never a "foreign passport" of digits
        String compact = raw.replaceAll("[\\s\u3000]", "").toUpperCase(Locale.ROOT);
        // 14+ leading digits: meant as an ID number, however mistyped
        boolean idShaped = compact.matches("[0-9０-９]{14,}[0-9０-９XＸxｘ]*");
        for (DocumentType type : idShaped ? ID_SHAPED : OTHER_DOCUMENTS) {
            Checked<DocumentNumber> other = DocumentNumber.parse(type, raw, today);
            if (other.isValid()) {
                return other.value().value();
            }
        }
        if (idShaped) {
            var f = id.rejection().orElseThrow();
            reject(field, f.messageKey(), f.messageArgs());
        } else {
            reject(field, "housing.error.document");
        }
        return null;
    }

    /** A positive id. */
    Long id(String field, Long raw) {
        if (raw != null && raw <= 0) {
            reject(field, "housing.error.id");
            return null;
        }
        return raw;
    }

    LocalDate today() {
        return today;
    }
}

package org.beatbook.population;

import org.beatbook.shared.masking.Masking;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A document type with its number, normalised (white space removed, full-width folded, upper case).
 * Created through {@link #parse}, which applies the type's format; a resident ID and a residence
 * permit go through {@link IdNumber}'s full GB 11643 check. {@link #toString()} is masked.
 */
public final class DocumentNumber {

    /** Why a document number was refused. ID-number types report {@link IdNumber.Problem}s instead. */
    public enum Problem implements Reason {
        BLANK("population.document.blank"),
        /** A resident ID whose prefix is 810000/820000/830000: that is a residence permit. */
        RESIDENCE_PERMIT_NOT_RESIDENT_ID("population.document.residencePermitNotResidentId"),
        /** Under residence permit, a number without the 810000/820000/830000 prefix. */
        NOT_RESIDENCE_PERMIT("population.document.notResidencePermit"),
        CHINESE_PASSPORT_FORMAT("population.document.chinesePassportFormat"),
        FOREIGN_PASSPORT_FORMAT("population.document.foreignPassportFormat"),
        HK_MACAO_TRAVEL_PERMIT_FORMAT("population.document.hkMacaoTravelPermitFormat"),
        TAIWAN_TRAVEL_PERMIT_FORMAT("population.document.taiwanTravelPermitFormat"),
        PERMANENT_RESIDENCE_FORMAT("population.document.permanentResidenceFormat"),
        /** The two-digit province of issue is unknown; arg: the two digits. */
        PERMANENT_RESIDENCE_PROVINCE("population.document.permanentResidenceProvince"),
        /** The birth date inside the number is impossible or in the future; arg: the digits. */
        PERMANENT_RESIDENCE_DATE("population.document.permanentResidenceDate"),
        /** Check character of an 18-digit permanent residence number; args: expected, given. */
        PERMANENT_RESIDENCE_CHECK("population.document.permanentResidenceCheck");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        @Override
        public String messageKey() {
            return messageKey;
        }
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int MAX_INPUT = 64;
    // E + 8 digits (e-passport 2012–), E + letter (not I/O) + 7 digits (2017–), G + 8 digits (older ordinary),
    // D/S/P with optional E + 7 digits (diplomatic, service, public affairs).
    private static final Pattern CHINESE_PASSPORT =
            Pattern.compile("E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|G[0-9]{8}|[DSP]E?[0-9]{7}");
    private static final Pattern FOREIGN_PASSPORT = Pattern.compile("[A-Z0-9]{5,20}");
    private static final Pattern HK_MACAO_PERMIT = Pattern.compile("[HM](?:[0-9]{8}|[0-9]{10})");
    private static final Pattern TAIWAN_PERMIT = Pattern.compile("[0-9]{8}");
    private static final Pattern PERMANENT_OLD = Pattern.compile("[A-Z]{3}[0-9]{12}");
    private static final Pattern PERMANENT_NEW = Pattern.compile("9[0-9]{16}[0-9X]");

    private final DocumentType type;
    private final String value;

    private DocumentNumber(DocumentType type, String value) {
        this.type = type;
        this.value = value;
    }

    public static Checked<DocumentNumber> parse(DocumentType type, String raw) {
        return parse(type, raw, LocalDate.now(CHINA));
    }

    public static Checked<DocumentNumber> parse(DocumentType type, String raw, LocalDate today) {
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
        if (raw == null || raw.isBlank()) {
            return Checked.rejected(type == DocumentType.RESIDENT_ID ? IdNumber.Problem.BLANK : Problem.BLANK);
        }
        if (type == DocumentType.RESIDENT_ID || type == DocumentType.HMT_RESIDENCE_PERMIT) {
            return idLike(type, raw, today);
        }
        if (raw.length() > MAX_INPUT) {
            return Checked.rejected(formatProblem(type));
        }
        String s = IdNumber.normalise(raw).toUpperCase(java.util.Locale.ROOT);
        return switch (type) {
            case CHINESE_PASSPORT -> matches(CHINESE_PASSPORT, type, s);
            case FOREIGN_PASSPORT -> matches(FOREIGN_PASSPORT, type, s);
            case HK_MACAO_TRAVEL_PERMIT -> matches(HK_MACAO_PERMIT, type, s);
            case TAIWAN_TRAVEL_PERMIT -> matches(TAIWAN_PERMIT, type, s);
            case FOREIGNER_PERMANENT_RESIDENCE -> permanentResidence(s, today);
            case RESIDENT_ID, HMT_RESIDENCE_PERMIT -> throw new IllegalStateException("handled above");
        };
    }

    private static Checked<DocumentNumber> idLike(DocumentType type, String raw, LocalDate today) {
        Checked<IdNumber> id = IdNumber.parse(raw, today);
        if (!id.isValid()) {
            return Checked.rejected(id.rejection().orElseThrow());
        }
        boolean permit = id.value().isResidencePermit();
        if (type == DocumentType.RESIDENT_ID && permit) {
            return Checked.rejected(Problem.RESIDENCE_PERMIT_NOT_RESIDENT_ID);
        }
        if (type == DocumentType.HMT_RESIDENCE_PERMIT && !permit) {
            return Checked.rejected(Problem.NOT_RESIDENCE_PERMIT);
        }
        return Checked.valid(new DocumentNumber(type, id.value().value()), id.warnings());
    }

    private static Checked<DocumentNumber> matches(Pattern pattern, DocumentType type, String s) {
        return pattern.matcher(s).matches()
                ? Checked.valid(new DocumentNumber(type, s))
                : Checked.rejected(formatProblem(type));
    }

    private static Checked<DocumentNumber> permanentResidence(String s, LocalDate today) {
        DocumentType type = DocumentType.FOREIGNER_PERMANENT_RESIDENCE;
        if (PERMANENT_OLD.matcher(s).matches()) {
            // 3-letter nationality, 2-digit province of issue, yyMMdd birth date, 4 digits.
            String province = s.substring(3, 5);
            if (DivisionCodes.table().province(province).isEmpty()) {
                return Checked.rejected(Problem.PERMANENT_RESIDENCE_PROVINCE, province);
            }
            String yyMMdd = s.substring(5, 11);
            // Century unknown: 2000 is a leap year, so Feb 29 is allowed; today's century bounds nothing.
            if (IdNumber.date("20" + yyMMdd).isEmpty()) {
                return Checked.rejected(Problem.PERMANENT_RESIDENCE_DATE, yyMMdd);
            }
            return Checked.valid(new DocumentNumber(type, s));
        }
        if (PERMANENT_NEW.matcher(s).matches()) {
            // 9, 2-digit province of issue, 3-digit nationality, yyyyMMdd birth date, 3 digits, GB 11643 check.
            String province = s.substring(1, 3);
            if (DivisionCodes.table().province(province).isEmpty()) {
                return Checked.rejected(Problem.PERMANENT_RESIDENCE_PROVINCE, province);
            }
            String digits = s.substring(6, 14);
            Optional<LocalDate> born = IdNumber.date(digits);
            if (born.isEmpty() || born.get().isAfter(today) || born.get().getYear() < 1900) {
                return Checked.rejected(Problem.PERMANENT_RESIDENCE_DATE, digits);
            }
            char expected = IdNumber.checkCharacter(s);
            if (expected != s.charAt(17)) {
                return Checked.rejected(Problem.PERMANENT_RESIDENCE_CHECK, expected, s.charAt(17));
            }
            return Checked.valid(new DocumentNumber(type, s));
        }
        return Checked.rejected(Problem.PERMANENT_RESIDENCE_FORMAT);
    }

    private static Problem formatProblem(DocumentType type) {
        return switch (type) {
            case CHINESE_PASSPORT -> Problem.CHINESE_PASSPORT_FORMAT;
            case FOREIGN_PASSPORT -> Problem.FOREIGN_PASSPORT_FORMAT;
            case HK_MACAO_TRAVEL_PERMIT -> Problem.HK_MACAO_TRAVEL_PERMIT_FORMAT;
            case TAIWAN_TRAVEL_PERMIT -> Problem.TAIWAN_TRAVEL_PERMIT_FORMAT;
            case FOREIGNER_PERMANENT_RESIDENCE -> Problem.PERMANENT_RESIDENCE_FORMAT;
            case RESIDENT_ID, HMT_RESIDENCE_PERMIT -> throw new IllegalArgumentException("ID-like types have no format problem");
        };
    }

    public DocumentType type() {
        return type;
    }

    /** The full normalised number; show {@link #masked()} wherever a person reads it. */
    public String value() {
        return value;
    }

    public String masked() {
        return Masking.document(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DocumentNumber other && other.type == type && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + value.hashCode();
    }

    @Override
    public String toString() {
        return type + ":" + masked();
    }
}

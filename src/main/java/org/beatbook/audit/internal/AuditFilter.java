package org.beatbook.audit.internal;

import org.beatbook.shared.AuditEvent.Result;
import org.beatbook.shared.web.InvalidInput;
import org.beatbook.shared.web.InvalidInput.Violation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The search filters as typed (query parameters of the page, the CSV export and the API). Times without
 * an offset are Beijing time ({@code 2026-11-03T08:30}, what a {@code datetime-local} field sends); with
 * an offset or {@code Z} they are taken as given. {@link #toQuery()} checks every field and names each
 * one that breaks a rule.
 */
public record AuditFilter(String from, String to, String actor, String action, String objectType, String objectId,
                          String result, String before, String size) {

    public static final ZoneId SHOWN_ZONE = ZoneId.of("Asia/Shanghai");
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    static final int MAX_TEXT = 128;

    /** From request parameters (the first value of each; unknown names ignored). */
    public static AuditFilter of(Map<String, List<String>> params) {
        return new AuditFilter(first(params, "from"), first(params, "to"), first(params, "actor"),
                first(params, "action"), first(params, "objectType"), first(params, "objectId"),
                first(params, "result"), first(params, "before"), first(params, "size"));
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public static AuditFilter empty() {
        return new AuditFilter(null, null, null, null, null, null, null, null, null);
    }

    /** The same filter starting at another page. */
    public AuditFilter startingBefore(long id) {
        return new AuditFilter(from, to, actor, action, objectType, objectId, result, Long.toString(id), size);
    }

    /** The same filter from the newest row on. */
    public AuditFilter withoutBefore() {
        return new AuditFilter(from, to, actor, action, objectType, objectId, result, null, size);
    }

    /** The validated query; throws {@link InvalidInput} naming every field that breaks a rule. */
    public AuditQuery toQuery() {
        List<Violation> errors = new ArrayList<>();
        Instant fromTime = time("from", from, errors);
        Instant toTime = time("to", to, errors);
        if (fromTime != null && toTime != null && toTime.isBefore(fromTime)) {
            errors.add(new Violation("to", "audit.filter.time.order"));
        }
        String actorValue = text("actor", actor, errors);
        String actionValue = text("action", action, errors);
        String typeValue = text("objectType", objectType, errors);
        // stored object ids are masked; mask the search term the same way so like meets like
        String idValue = PersonalDataMask.mask(text("objectId", objectId, errors));
        Result resultValue = null;
        if (present(result)) {
            try {
                resultValue = Result.valueOf(result.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new Violation("result", "audit.filter.result.unknown"));
            }
        }
        Long beforeValue = null;
        if (present(before)) {
            beforeValue = number(before);
            if (beforeValue == null || beforeValue < 1) {
                errors.add(new Violation("before", "audit.filter.before.invalid"));
            }
        }
        int sizeValue = DEFAULT_SIZE;
        if (present(size)) {
            Long n = number(size);
            if (n == null || n < 1 || n > MAX_SIZE) {
                errors.add(new Violation("size", "audit.filter.size.range", MAX_SIZE));
            } else {
                sizeValue = n.intValue();
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new AuditQuery(fromTime, toTime, actorValue, actionValue, typeValue, idValue, resultValue,
                beforeValue, sizeValue);
    }

    private static Instant time(String field, String value, List<Violation> errors) {
        if (!present(value)) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() > 40) {
                throw new DateTimeException("too long");
            }
            if (v.endsWith("Z") || v.endsWith("z") || v.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(v.toUpperCase(java.util.Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant();
            }
            return LocalDateTime.parse(v, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(SHOWN_ZONE).toInstant();
        } catch (DateTimeException e) {
            errors.add(new Violation(field, "audit.filter.time.format"));
            return null;
        }
    }

    private static String text(String field, String value, List<Violation> errors) {
        if (!present(value)) {
            return null;
        }
        String v = value.strip();
        if (v.length() > MAX_TEXT) {
            errors.add(new Violation(field, "audit.filter.text.tooLong", MAX_TEXT));
            return null;
        }
        if (v.chars().anyMatch(c -> Character.isISOControl(c) || Character.isSurrogate((char) c) && !validSurrogates(v))) {
            errors.add(new Violation(field, "audit.filter.text.invalid"));
            return null;
        }
        return v;
    }

    private static boolean validSurrogates(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= v.length() || !Character.isLowSurrogate(v.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static Long number(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(v);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

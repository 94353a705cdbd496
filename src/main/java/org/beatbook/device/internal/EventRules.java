package org.beatbook.device.internal;

import org.beatbook.device.EventKind;
import org.beatbook.device.IncomingEvent;
import org.beatbook.shared.masking.Masking;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the store accepts: lenient about spelling (case, spaces, full-width characters, separators in plates and
 * tags), strict about meaning. Each rule names the JSON field it is about.
 */
final class EventRules {

    static final int MAX_EVENT_ID = 64;
    static final int VIID_OBJECT_ID = 48;
    static final int MAX_PAYLOAD = 8192;
    static final int MAX_CREDENTIAL = 64;
    static final Set<String> METHODS = Set.of("CARD", "FACE", "BLUETOOTH", "REMOTE", "EXIT_BUTTON", "PIN", "ID_CARD",
            "VISITOR_CALL", "QR_CODE");

    private static final Pattern EVENT_ID = Pattern.compile("[\\x21-\\x7E]{1,64}");
    private static final Pattern LONG_DIGITS = Pattern.compile("[0-9]{33,}");
    /** Civil motor-vehicle plates (GA 36): province, issuing letter, 5 characters (or 4 + 挂/学/警/港/澳); 6 for new energy. */
    private static final Pattern PLATE = Pattern.compile(
            "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z]"
                    + "(?:[A-HJ-NP-Z0-9]{5}|[A-HJ-NP-Z0-9]{4}[挂学警港澳]|[A-HJ-NP-Z0-9]{6})");
    /** E-bike plates differ by city; letters, digits and Han characters. */
    private static final Pattern EBIKE_PLATE = Pattern.compile("[\\p{IsHan}A-Z0-9]{2,16}");
    private static final Pattern TAG = Pattern.compile("[0-9A-F]{8,32}");
    private static final Pattern PLATE_COLOR = Pattern.compile("[\\p{IsHan}A-Z0-9]{1,16}");
    private static final Pattern PLATE_NOISE = Pattern.compile("[\\s·•.\\-_]");
    private static final Pattern TAG_NOISE = Pattern.compile("[\\s:\\-]");

    private final Duration skew;
    private final Duration retention;

    EventRules(Duration skew, Duration retention) {
        this.skew = skew;
        this.retention = retention;
    }

    /** The checked event, or the first rule it breaks. */
    Object check(IncomingEvent e, Instant now) {
        if (e.parseProblem() != null) {
            return new Rejection(e.parseProblem().field(), e.parseProblem().messageKey());
        }
        Rejection r = eventId(e.eventId());
        if (r != null) {
            return r;
        }
        if (e.occurredAt() == null) {
            return new Rejection("occurredAt", "device.event.occurredAt.required");
        }
        if (e.occurredAt().isAfter(now.plus(skew))) {
            return new Rejection("occurredAt", "device.event.occurredAt.future", skew.toMinutes());
        }
        if (e.occurredAt().isBefore(now.minus(retention))) {
            return new Rejection("occurredAt", "device.event.occurredAt.tooOld", retention.toDays());
        }
        if (e.kind() == null) {
            return new Rejection("kind", "device.event.kind.required");
        }
        String plate = normalisePlate(e.plate());
        String tag = normaliseTag(e.tag());
        String method = e.method() == null ? null
                : e.method().strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        String color = e.plateColor() == null ? null : halfWidth(e.plateColor()).strip().toUpperCase(Locale.ROOT);
        switch (e.kind()) {
            case VEHICLE_PASS -> {
                if (plate == null) {
                    return new Rejection("plate", "device.event.plate.required");
                }
                if (!PLATE.matcher(plate).matches()) {
                    return new Rejection("plate", "device.event.plate.invalid");
                }
            }
            case EBIKE_PASS -> {
                if (tag == null && plate == null) {
                    return new Rejection("tag", "device.event.tag.required");
                }
                if (plate != null && !EBIKE_PLATE.matcher(plate).matches()) {
                    return new Rejection("plate", "device.event.plate.invalid");
                }
            }
            case DOOR_OPEN -> {
                if (method == null || method.isEmpty()) {
                    return new Rejection("method", "device.event.method.required");
                }
            }
            case HEARTBEAT, ALARM -> { }
        }
        if (tag != null && !TAG.matcher(tag).matches()) {
            return new Rejection("tag", "device.event.tag.invalid");
        }
        if (method != null && !method.isEmpty() && !METHODS.contains(method)) {
            return new Rejection("method", "device.event.method.invalid");
        }
        if (color != null && !color.isEmpty() && !PLATE_COLOR.matcher(color).matches()) {
            return new Rejection("plateColor", "device.event.plateColor.invalid");
        }
        if (plate != null && e.kind() != EventKind.VEHICLE_PASS && e.kind() != EventKind.EBIKE_PASS
                && !EBIKE_PLATE.matcher(plate).matches()) {
            return new Rejection("plate", "device.event.plate.invalid");
        }
        String credential = e.credential() == null ? null : e.credential().strip();
        if (credential != null && (credential.length() > MAX_CREDENTIAL
                || credential.chars().anyMatch(Character::isISOControl))) {
            return new Rejection("credential", "device.event.credential.invalid", MAX_CREDENTIAL);
        }
        if (e.payload() != null && e.payload().length() > MAX_PAYLOAD) {
            return new Rejection("payload", "device.event.payload.tooLong", MAX_PAYLOAD);
        }
        // PostgreSQL keeps microseconds and would round the rest: truncated here, the month the writer files the
        // event under is the month the stored time falls in (…-01-31T23:59:59.9999996Z must not become February)
        return new CheckedEvent(e.eventId(), e.occurredAt().truncatedTo(ChronoUnit.MICROS), e.kind(), e.direction(),
                plate,
                color == null || color.isEmpty() ? null : color, tag,
                credential == null || credential.isEmpty() ? null : Masking.scrub(credential),
                method == null || method.isEmpty() ? null : method,
                e.payload() == null ? null : Masking.scrub(e.payload()));
    }

    static Rejection eventId(String id) {
        if (id == null || id.isEmpty()) {
            return new Rejection("eventId", "device.event.eventId.required");
        }
        if (!EVENT_ID.matcher(id).matches()) {
            return new Rejection("eventId", "device.event.eventId.invalid", MAX_EVENT_ID);
        }
        // a long run of digits is a GA/T 1400 object id, which has exactly 48
        if (LONG_DIGITS.matcher(id).matches() && id.length() != VIID_OBJECT_ID) {
            return new Rejection("eventId", "device.event.eventId.viidLength", VIID_OBJECT_ID);
        }
        return null;
    }

    /** Upper case, half-width, without spaces, dots and dashes; null when nothing is left. */
    static String normalisePlate(String plate) {
        if (plate == null) {
            return null;
        }
        String p = PLATE_NOISE.matcher(halfWidth(plate)).replaceAll("").toUpperCase(Locale.ROOT);
        return p.isEmpty() ? null : p;
    }

    /** Upper-case hex without separators; null when nothing is left. */
    static String normaliseTag(String tag) {
        if (tag == null) {
            return null;
        }
        String t = TAG_NOISE.matcher(halfWidth(tag)).replaceAll("").toUpperCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }

    private static String halfWidth(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }
}

package org.beatbook.alert.internal;

import org.beatbook.alert.internal.HotlistStore.Entry;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.web.InvalidInput;
import org.beatbook.shared.web.InvalidInput.Violation;
import org.beatbook.shared.web.NotFound;
import org.beatbook.vehicle.Plates;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Enters and removes hotlist entries; the matcher reloads after each committed change. */
@Service
public class Hotlists {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    /**
     * A stolen vehicle to watch for.
     *
     * @param validFrom  first day (Asia/Shanghai) it is listed; today when left out
     * @param validUntil last day it is listed (inclusive); open when left out
     */
    public record NewEntry(HotlistKind kind, String value, String source, String reference, LocalDate validFrom,
                           LocalDate validUntil, String note) { }

    public record EntryPage(List<Entry> items, long total) { }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    public static class EntryNotFound extends NotFound {
        EntryNotFound(long id) {
            super("hotlist entry", Long.toString(id));
        }
    }

    private final HotlistStore store;
    private final HotlistMatcher matcher;
    private final ApplicationEventPublisher events;

    Hotlists(HotlistStore store, HotlistMatcher matcher, ApplicationEventPublisher events) {
        this.store = store;
        this.matcher = matcher;
        this.events = events;
    }

    @Transactional
    public Entry add(NewEntry in, Caller caller) {
        Entry e = checked(in, caller.username(), LocalDate.now(LOCAL));
        if (store.listed(e.kind(), e.value())) {
            throw InvalidInput.conflict("value", "alert.hotlist.value.listed");
        }
        long id = store.insert(e, null);
        events.publishEvent(new AuditEvent("HOTLIST_ENTRY_ADDED", "HOTLIST_ENTRY", Long.toString(id), null, null,
                AuditEvent.Result.SUCCESS, e.kind() + " " + e.value() + "; source=" + e.source(), null));
        matcher.reloadAfterCommit();
        return store.find(id).orElseThrow();
    }

    @Transactional
    public void remove(long id, Caller caller) {
        Entry e = store.find(id).orElseThrow(() -> new EntryNotFound(id));
        store.remove(id, caller.username());
        events.publishEvent(new AuditEvent("HOTLIST_ENTRY_REMOVED", "HOTLIST_ENTRY", Long.toString(id), null, null,
                AuditEvent.Result.SUCCESS, e.kind() + " " + e.value(), null));
        matcher.reloadAfterCommit();
    }

    @Transactional(readOnly = true)
    public EntryPage search(String q, int page, int size) {
        if (page < 0 || page > 10_000) {
            throw InvalidInput.of("page", "alert.page.range", 0, 10_000);
        }
        if (size < 1 || size > 200) {
            throw InvalidInput.of("size", "alert.size.range", 1, 200);
        }
        String fragment = Plates.plate(q);
        if (fragment != null && fragment.length() > 32) {
            throw InvalidInput.of("q", "alert.q.tooLong", 32);
        }
        return new EntryPage(store.search(fragment, page * size, size), store.count());
    }

    /** Validates and canonicalises an entry; {@code today} is the default first day. */
    static Entry checked(NewEntry in, String by, LocalDate today) {
        if (in == null) {
            throw InvalidInput.of("kind", "alert.hotlist.kind.required");
        }
        List<Violation> problems = new ArrayList<>();
        String value = Plates.plate(in.value());
        if (in.kind() == null) {
            problems.add(new Violation("kind", "alert.hotlist.kind.required"));
        } else if (value == null) {
            problems.add(new Violation("value", "alert.hotlist.value.required"));
        } else if (in.kind() == HotlistKind.TAG ? !Plates.validTag(value)
                : !(Plates.validMotorPlate(value) || Plates.validEbikePlate(value))) {
            problems.add(new Violation("value", in.kind() == HotlistKind.TAG ? "alert.hotlist.value.tag"
                    : "alert.hotlist.value.plate"));
        }
        String source = in.source() == null ? null : in.source().strip();
        if (source == null || source.isEmpty()) {
            problems.add(new Violation("source", "alert.hotlist.source.required"));
        } else if (source.length() > 60) {
            problems.add(new Violation("source", "alert.text.tooLong", 60));
        }
        String reference = blank(in.reference());
        if (reference != null && reference.length() > 60) {
            problems.add(new Violation("reference", "alert.text.tooLong", 60));
        }
        String note = blank(in.note());
        if (note != null && note.length() > 200) {
            problems.add(new Violation("note", "alert.text.tooLong", 200));
        }
        LocalDate from = in.validFrom() == null ? today : in.validFrom();
        if (in.validUntil() != null && in.validUntil().isBefore(from)) {
            problems.add(new Violation("validUntil", "alert.hotlist.validUntil.beforeFrom"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Instant until = in.validUntil() == null ? null : in.validUntil().plusDays(1).atStartOfDay(LOCAL).toInstant();
        return new Entry(0, in.kind(), value, source, reference, from.atStartOfDay(LOCAL).toInstant(), until, note, by,
                null);
    }

    /** Many entries at once (the demo, an import), skipping those already listed; one reload. */
    @Transactional
    public int addAll(List<Entry> entries, UUID importId) {
        int added = store.insertAll(entries, importId);
        matcher.reloadAfterCommit();
        return added;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package org.beatbook.population.internal;

import org.beatbook.population.internal.PersonCommands.ChangePerson;
import org.beatbook.population.internal.PersonCommands.RegisterPerson;
import org.beatbook.population.internal.PersonCommands.StartResidence;
import org.beatbook.population.internal.PersonStore.PersonRow;
import org.beatbook.population.internal.PersonStore.ResidenceRow;
import org.beatbook.population.internal.PersonViews.Duplicate;
import org.beatbook.population.internal.PersonViews.PersonSummary;
import org.beatbook.population.internal.PersonViews.PersonView;
import org.beatbook.population.internal.PersonViews.Registered;
import org.beatbook.population.internal.PersonViews.Revealed;
import org.beatbook.population.internal.PersonViews.VersionView;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.masking.Masking;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.web.InvalidInput;
import org.beatbook.shared.web.InvalidInput.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Registers persons and their residences, changes them and opens them, in the caller's scope. Every change
 * writes a version and an audit event in the same transaction; opening and revealing write an audit event.
 */
@Service
public class PersonRegistry {

    public static final Set<Role> REVEALERS = Set.of(Role.STATION_LEADER, Role.COMMUNITY_OFFICER);
    static final String PERSON = "PERSON";

    private final PersonStore store;
    private final Rooms rooms;
    private final ApplicationEventPublisher events;

    PersonRegistry(PersonStore store, Rooms rooms, ApplicationEventPublisher events) {
        this.store = store;
        this.rooms = rooms;
        this.events = events;
    }

    /**
     * A new person at a room. Same document: 409 with that person (or, with {@code linkExisting}, the residence
     * starts for them). Same name and birth date, or a shared phone, in scope: 409 unless {@code confirmNew}.
     */
    @Transactional
    public Registered register(RegisterPerson cmd, Caller caller) {
        Rooms.Room room = rooms.room(cmd.residence().addressCode(), caller.scope());
        var existing = store.byDocument(cmd.document());
        if (existing.isPresent()) {
            if (cmd.linkExisting()) {
                long id = existing.get();
                startResidence(store.lock(id).orElseThrow(), room, cmd.residence(), caller);
                return new Registered(view(id), false, cmd.warnings());
            }
            throw new DuplicatePerson(List.of(new Violation("idNumber", "population.duplicate.document")),
                    List.of(duplicate(existing.get(), List.of("DOCUMENT"), caller)));
        }
        if (!cmd.confirmNew()) {
            List<Long> sameName = store.byNameAndBirthDate(cmd.details().name(), cmd.details().birthDate(), caller.scope());
            List<Long> samePhone = store.byPhones(cmd.details().phones(), caller.scope());
            if (!sameName.isEmpty() || !samePhone.isEmpty()) {
                List<Violation> why = new ArrayList<>();
                if (!sameName.isEmpty()) {
                    why.add(new Violation("name", "population.duplicate.nameAndBirthDate"));
                }
                if (!samePhone.isEmpty()) {
                    why.add(new Violation("phone", "population.duplicate.phone"));
                }
                Set<Long> ids = new LinkedHashSet<>(sameName);
                ids.addAll(samePhone);
                List<Duplicate> found = ids.stream().map(id -> {
                    List<String> on = new ArrayList<>(2);
                    if (sameName.contains(id)) {
                        on.add("NAME_AND_BIRTH_DATE");
                    }
                    if (samePhone.contains(id)) {
                        on.add("PHONE");
                    }
                    return duplicate(id, on, caller);
                }).toList();
                throw new DuplicatePerson(why, found);
            }
        }
        long id = store.insert(cmd.document(), cmd.details());
        long residence = store.insertResidence(id, room, cmd.residence(), caller.username());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("documentType", cmd.document().type().name());
        v.put("idNumber", cmd.document().masked());
        v.put("name", cmd.details().name());
        v.put("formerNames", cmd.details().formerNames());
        v.put("sex", cmd.details().sex().code());
        v.put("ethnicity", cmd.details().ethnicity() == null ? null : cmd.details().ethnicity().code());
        v.put("birthDate", String.valueOf(cmd.details().birthDate()));
        v.put("phones", cmd.details().phones().stream().map(p -> p.masked()).toList());
        v.put("householdDivision", cmd.details().householdDivision());
        v.put("occupation", cmd.details().occupation());
        v.put("employer", cmd.details().employer());
        v.put("tags", cmd.details().tags());
        v.put("residence", residenceFacts(residence, room, cmd.residence()));
        store.writeVersion(id, 1, caller.username(), "REGISTERED", v);
        events.publishEvent(new AuditEvent("PERSON_REGISTERED", PERSON, Long.toString(id), room.path(), null,
                AuditEvent.Result.SUCCESS, "document=" + cmd.document().type() + " " + cmd.document().masked()
                + "; room=" + room.code() + "; type=" + cmd.residence().type(), null));
        return new Registered(view(id), true, cmd.warnings());
    }

    /**
     * Starts the residence for the person who holds the typed document, if that is {@code personId} (the caller
     * proves the link by the document in hand, so the person need not be in scope yet); else 404.
     */
    @Transactional
    public Registered linkByDocument(RegisterPerson cmd, long personId, Caller caller) {
        Rooms.Room room = rooms.room(cmd.residence().addressCode(), caller.scope());
        long id = store.byDocument(cmd.document()).filter(x -> x == personId)
                .orElseThrow(() -> new PersonNotFound(personId));
        startResidence(store.lock(id).orElseThrow(), room, cmd.residence(), caller);
        return new Registered(view(id), false, cmd.warnings());
    }

    /** The person, masked, with all residences; recorded as a read. */
    @Transactional
    public PersonView open(long id, Caller caller) {
        Optional<Long> survivor = store.mergedInto(id);
        if (survivor.isPresent()) {
            // a merged-away record answers with its survivor, if the caller may see that one
            store.scopePath(survivor.get(), caller.scope()).orElseThrow(() -> new PersonNotFound(id));
            throw new PersonMerged(id, survivor.get());
        }
        String path = store.scopePath(id, caller.scope()).orElseThrow(() -> new PersonNotFound(id));
        PersonView view = view(id);
        events.publishEvent(AuditEvent.success("PERSON_READ", PERSON, Long.toString(id), path));
        return view;
    }

    /** The version history, newest first (sensitive values masked). */
    @Transactional(readOnly = true)
    public List<VersionView> versions(long id, Caller caller) {
        store.scopePath(id, caller.scope()).orElseThrow(() -> new PersonNotFound(id));
        return store.versions(id);
    }

    @Transactional
    public PersonView change(long id, PersonRequests.PersonChange in, Caller caller) {
        String path = store.scopePath(id, caller.scope()).orElseThrow(() -> new PersonNotFound(id));
        PersonRow old = store.lock(id).orElseThrow(() -> new PersonNotFound(id));
        ChangePerson c = PersonInput.change(in, old.idLike());
        Map<String, Object> diff = new LinkedHashMap<>();
        PersonRow now = new PersonRow(old.id(), old.documentType(), old.documentNumber(),
                pick("name", old.name(), c.name(), diff),
                pick("formerNames", old.formerNames(), c.formerNames(), diff),
                pick("sex", old.sex(), c.sex(), diff),
                pick("ethnicity", old.ethnicity(), c.ethnicity(), diff),
                pick("birthDate", old.birthDate(), c.birthDate(), diff),
                old.phones(),
                blankAsNull(pick("householdDivision", old.householdDivision(), emptyAsNull(c.householdDivision(), old.householdDivision()), diff)),
                blankAsNull(pick("occupation", old.occupation(), emptyAsNull(c.occupation(), old.occupation()), diff)),
                blankAsNull(pick("employer", old.employer(), emptyAsNull(c.employer(), old.employer()), diff)),
                pick("tags", old.tags(), c.tags(), diff),
                old.version());
        boolean phonesChanged = c.phones() != null
                && !c.phones().stream().map(p -> p.value()).toList().equals(old.phones());
        if (phonesChanged) {
            diff.put("phones", Map.of("from", old.maskedPhones(),
                    "to", c.phones().stream().map(p -> p.masked()).toList()));
        }
        if (diff.isEmpty()) {
            return view(id);
        }
        store.update(now);
        if (phonesChanged) {
            store.replacePhones(id, c.phones());
        }
        store.recordVersion(id, caller.username(), "UPDATED", diff);
        events.publishEvent(new AuditEvent("PERSON_UPDATED", PERSON, Long.toString(id), path, null,
                AuditEvent.Result.SUCCESS, "fields=" + String.join(",", diff.keySet()), null));
        return view(id);
    }

    /** Another residence for a person in scope, at a room in scope. */
    @Transactional
    public PersonView addResidence(long id, StartResidence r, Caller caller) {
        store.scopePath(id, caller.scope()).orElseThrow(() -> new PersonNotFound(id));
        Rooms.Room room = rooms.room(r.addressCode(), caller.scope());
        PersonRow p = store.lock(id).orElseThrow(() -> new PersonNotFound(id));
        if (p.birthDate() != null && r.moveIn().isBefore(p.birthDate())) {
            throw InvalidInput.of("moveInDate", "population.residence.moveIn.beforeBirth", p.birthDate());
        }
        startResidence(p, room, r, caller);
        return view(id);
    }

    /** Ends a residence (moving out); the row stays as history. */
    @Transactional
    public PersonView endResidence(long id, long residenceId, LocalDate movedOut, Caller caller) {
        store.scopePath(id, caller.scope()).orElseThrow(() -> new PersonNotFound(id));
        store.lock(id).orElseThrow(() -> new PersonNotFound(id));
        ResidenceRow r = store.residence(id, residenceId)
                .filter(row -> caller.scope().covers(row.nodePath()))
                .orElseThrow(() -> new ResidenceNotFound(residenceId));
        if (r.movedOut() != null) {
            throw new InvalidInput(HttpStatus.CONFLICT,
                    List.of(new Violation("residenceId", "population.residence.alreadyEnded", r.movedOut())));
        }
        if (movedOut.isBefore(r.movedIn())) {
            throw InvalidInput.of("moveOutDate", "population.residence.moveOut.beforeMoveIn", r.movedIn());
        }
        store.endResidence(residenceId, movedOut, caller.username());
        store.recordVersion(id, caller.username(), "RESIDENCE_ENDED",
                Map.of("residenceId", residenceId, "addressCode", r.nodeCode(), "moveOutDate", movedOut.toString()));
        events.publishEvent(new AuditEvent("RESIDENCE_ENDED", PERSON, Long.toString(id), r.nodePath(), null,
                AuditEvent.Result.SUCCESS, "residence=" + residenceId + "; room=" + r.nodeCode() + "; out=" + movedOut, null));
        return view(id);
    }

    /** Records that the caller confirmed the person still lives there (核查); the residence must be current. */
    @Transactional
    public PersonView verifyResidence(long id, long residenceId, Caller caller) {
        store.scopePath(id, caller.scope()).orElseThrow(() -> new PersonNotFound(id));
        store.lock(id).orElseThrow(() -> new PersonNotFound(id));
        ResidenceRow r = store.residence(id, residenceId)
                .filter(row -> caller.scope().covers(row.nodePath()))
                .orElseThrow(() -> new ResidenceNotFound(residenceId));
        if (r.movedOut() != null || !store.verifyResidence(residenceId, caller.username())) {
            throw new InvalidInput(HttpStatus.CONFLICT,
                    List.of(new Violation("residenceId", "population.residence.alreadyEnded", r.movedOut())));
        }
        store.recordVersion(id, caller.username(), "RESIDENCE_VERIFIED",
                Map.of("residenceId", residenceId, "addressCode", r.nodeCode()));
        events.publishEvent(new AuditEvent("RESIDENCE_VERIFIED", PERSON, Long.toString(id), r.nodePath(), null,
                AuditEvent.Result.SUCCESS, "residence=" + residenceId + "; room=" + r.nodeCode(), null));
        return view(id);
    }

    /**
     * The full document number and phones, for the two roles that may see them, with a stated purpose.
     * A refusal is recorded too (outside any transaction, so it is not rolled back with the refusal).
     */
    public Revealed reveal(long id, String purpose, Caller caller) {
        if (!REVEALERS.contains(caller.role())) {
            events.publishEvent(new AuditEvent("PERSON_REVEALED", PERSON, Long.toString(id), null,
                    Masking.scrub(purpose), AuditEvent.Result.DENIED, "role=" + caller.role(), null));
            throw new AccessDeniedException("reveal needs STATION_LEADER or COMMUNITY_OFFICER");
        }
        String why = PersonInput.purpose(purpose);
        String path = store.scopePath(id, caller.scope()).orElseThrow(() -> new PersonNotFound(id));
        PersonRow p = store.find(id).orElseThrow(() -> new PersonNotFound(id));
        events.publishEvent(AuditEvent.success("PERSON_REVEALED", PERSON, Long.toString(id), path)
                .withPurpose(why).withDetail("document and phones shown"));
        return new Revealed(id, p.documentNumber(), p.phones());
    }

    /** Current occupants of a room in scope (masked); empty when the room is not in scope. */
    @Transactional(readOnly = true)
    public List<PersonSummary> occupants(String roomCode, Caller caller) {
        return store.occupants(roomCode, caller.scope());
    }

    private void startResidence(PersonRow p, Rooms.Room room, StartResidence r, Caller caller) {
        if (store.livesIn(p.id(), room.code())) {
            throw new InvalidInput(HttpStatus.CONFLICT,
                    List.of(new Violation("addressCode", "population.residence.alreadyThere")));
        }
        long residence = store.insertResidence(p.id(), room, r, caller.username());
        store.recordVersion(p.id(), caller.username(), "RESIDENCE_STARTED", residenceFacts(residence, room, r));
        events.publishEvent(new AuditEvent("RESIDENCE_STARTED", PERSON, Long.toString(p.id()), room.path(), null,
                AuditEvent.Result.SUCCESS, "residence=" + residence + "; room=" + room.code() + "; type=" + r.type(), null));
    }

    private PersonView view(long id) {
        return store.view(store.find(id).orElseThrow(() -> new PersonNotFound(id)));
    }

    private Duplicate duplicate(long id, List<String> matchedOn, Caller caller) {
        PersonRow p = store.find(id).orElseThrow();
        boolean inScope = store.scopePath(id, caller.scope()).isPresent();
        if (!inScope) {
            return new Duplicate(id, null, p.maskedDocument(), null, null, matchedOn, false);
        }
        List<PersonViews.ResidenceView> current = store.residences(id).stream()
                .filter(PersonViews.ResidenceView::current).toList();
        String label = current.isEmpty() ? null : current.get(0).addressLabel();
        return new Duplicate(id, p.name(), p.maskedDocument(), p.phones().isEmpty() ? null : Masking.phone(p.phones().get(0)),
                label, matchedOn, true);
    }

    static Map<String, Object> residenceFacts(long residence, Rooms.Room room, StartResidence r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("residenceId", residence);
        m.put("addressCode", room.code());
        m.put("address", room.label());
        m.put("residenceType", r.type().name());
        m.put("relationship", r.relationship() == null ? null : r.relationship().code());
        m.put("moveInDate", r.moveIn().toString());
        return m;
    }

    private static <T> T pick(String field, T old, T given, Map<String, Object> diff) {
        if (given == null || Objects.equals(old, given)) {
            return old;
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", describe(old));
        change.put("to", describe(given));
        diff.put(field, change);
        return given;
    }

    private static Object describe(Object value) {
        if (value instanceof org.beatbook.population.Sex s) {
            return s.code();
        }
        if (value instanceof org.beatbook.population.Ethnicity e) {
            return e.code();
        }
        return value == null ? null : value instanceof List<?> ? value : Masking.scrub(value.toString());
    }

    /** "" clears; an unchanged value stays (so clearing an already empty field changes nothing). */
    private static String emptyAsNull(String given, String old) {
        if (given == null) {
            return null;
        }
        return given.isEmpty() && old == null ? null : given;
    }

    private static String blankAsNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

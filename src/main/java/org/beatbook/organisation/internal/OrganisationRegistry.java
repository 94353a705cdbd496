package org.beatbook.organisation.internal;

import org.beatbook.organisation.internal.OrganisationRequests.EmployeeBody;
import org.beatbook.organisation.internal.OrganisationRequests.OrganisationBody;
import org.beatbook.organisation.internal.OrganisationStore.EmploymentRow;
import org.beatbook.organisation.internal.OrganisationStore.OrganisationRow;
import org.beatbook.organisation.internal.OrganisationViews.OrganisationView;
import org.beatbook.organisation.internal.OrganisationViews.VersionView;
import org.beatbook.population.PopulationApi;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.masking.Masking;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Registers organisations, changes them, opens them and records who works there, within the caller's scope. Every
 * change writes a version and an audit event in its transaction; opening writes an audit event.
 */
@Service
public class OrganisationRegistry {

    /** May see full numbers (with a stated purpose): the station leader and the community officer. */
    public static final Set<Role> REVEALERS = Set.of(Role.STATION_LEADER, Role.COMMUNITY_OFFICER);
    static final String ORGANISATION = "ORGANISATION";

    private final OrganisationStore store;
    private final OrganisationInput input;
    private final Places places;
    private final PopulationApi population;
    private final ApplicationEventPublisher events;

    OrganisationRegistry(OrganisationStore store, OrganisationInput input, Places places, PopulationApi population,
                         ApplicationEventPublisher events) {
        this.store = store;
        this.input = input;
        this.places = places;
        this.population = population;
        this.events = events;
    }

    @Transactional
    public OrganisationView create(OrganisationBody body, Caller caller) {
        OrganisationFacts f = input.facts(body, code -> places.place(code, caller.scope()));
        checkPerson(f.legalRepPersonId(), "legalRepresentativePersonId", caller);
        unique(f, null);
        long id;
        try {
            id = store.insert(f);
        } catch (DuplicateKeyException e) {
            throw InvalidInput.conflict("name", "organisation.error.duplicate");
        }
        store.writeVersion(id, 1, caller.username(), "REGISTERED", snapshot(f));
        events.publishEvent(new AuditEvent("ORGANISATION_REGISTERED", ORGANISATION, Long.toString(id),
                f.place().path(), null, AuditEvent.Result.SUCCESS, "node=" + f.place().code() + "; type=" + f.type(), null));
        return view(id);
    }

    /** The organisation with its staff, masked; recorded as a read. */
    @Transactional
    public OrganisationView open(long id, Caller caller) {
        OrganisationRow r = store.inScope(id, caller.scope(), false).orElseThrow(() -> notFound(id));
        events.publishEvent(AuditEvent.success("ORGANISATION_READ", ORGANISATION, Long.toString(id), r.nodePath()));
        return store.view(r);
    }

    /** The facts to prefill an edit form with (numbers masked, as everywhere). */
    @Transactional(readOnly = true)
    public OrganisationView peek(long id, Caller caller) {
        return store.view(store.inScope(id, caller.scope(), false).orElseThrow(() -> notFound(id)));
    }

    @Transactional(readOnly = true)
    public List<VersionView> versions(long id, Caller caller) {
        store.inScope(id, caller.scope(), false).orElseThrow(() -> notFound(id));
        return store.versions(id);
    }

    /** Changes the fields the body carries (null: stays; empty text: cleared). */
    @Transactional
    public OrganisationView change(long id, OrganisationBody patch, Caller caller) {
        OrganisationRow old = store.inScope(id, caller.scope(), true).orElseThrow(() -> notFound(id));
        OrganisationFacts f = input.facts(merge(old, patch == null ? empty() : patch),
                code -> places.place(code, caller.scope()));
        if (!Objects.equals(f.legalRepPersonId(), old.legalRepPersonId())) {
            checkPerson(f.legalRepPersonId(), "legalRepresentativePersonId", caller);
        }
        unique(f, id);
        Map<String, Object> before = snapshot(old);
        Map<String, Object> after = snapshot(f);
        Map<String, Object> diff = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            if (!Objects.equals(before.get(k), v)) {
                diff.put(k, Map.of("from", String.valueOf(before.get(k)), "to", String.valueOf(v)));
            }
        });
        // masked values can hide a change of number: compare the full ones too
        sameOrNoted(diff, "legalRepresentativeDocument", old.legalRepDocument(),
                f.legalRepDocument() == null ? null : f.legalRepDocument().value(), after);
        sameOrNoted(diff, "phone", old.phone(), f.phone(), after);
        sameOrNoted(diff, "securityPhone", old.securityPhone(), f.securityPhone(), after);
        if (diff.isEmpty()) {
            return store.view(old);
        }
        try {
            if (!store.update(id, old.version(), f)) {
                throw InvalidInput.conflict("version", "organisation.error.concurrent");
            }
        } catch (DuplicateKeyException e) {
            throw InvalidInput.conflict("name", "organisation.error.duplicate");
        }
        store.recordVersion(id, caller.username(), "UPDATED", diff);
        events.publishEvent(new AuditEvent("ORGANISATION_UPDATED", ORGANISATION, Long.toString(id), f.place().path(),
                null, AuditEvent.Result.SUCCESS, "fields=" + String.join(",", diff.keySet()), null));
        return view(id);
    }

    /** A person starts at the unit: a registered person in scope by id, or anyone by name (and document). */
    @Transactional
    public OrganisationView addEmployee(long id, EmployeeBody body, Caller caller) {
        OrganisationRow org = store.inScope(id, caller.scope(), true).orElseThrow(() -> notFound(id));
        OrganisationInput.Staff s = input.staff(body);
        String name = s.name();
        if (s.personId() != null) {
            var person = population.find(s.personId(), caller.scope())
                    .orElseThrow(() -> InvalidInput.of("personId", "organisation.error.person", s.personId()));
            name = person.name();
        }
        long employment = store.insertEmployment(id, s.personId(), name, s.document(), s.phone(), s.role(), s.start(),
                caller.username());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("employmentId", employment);
        facts.put("personId", s.personId());
        facts.put("name", name);
        facts.put("document", s.document() == null ? null : s.document().masked());
        facts.put("role", s.role().name());
        facts.put("startDate", s.start().toString());
        store.recordVersion(id, caller.username(), "STAFF_STARTED", facts);
        events.publishEvent(new AuditEvent("ORGANISATION_STAFF_STARTED", ORGANISATION, Long.toString(id),
                org.nodePath(), null, AuditEvent.Result.SUCCESS, "employment=" + employment + "; role=" + s.role()
                + (s.personId() == null ? "" : "; person=" + s.personId()), null));
        return view(id);
    }

    /** The person's time at the unit ends; the row stays as history. */
    @Transactional
    public OrganisationView endEmployee(long id, long employmentId, String endDate, Caller caller) {
        OrganisationRow org = store.inScope(id, caller.scope(), true).orElseThrow(() -> notFound(id));
        EmploymentRow e = store.employment(id, employmentId)
                .orElseThrow(() -> new OrganisationNotFound("employment", employmentId));
        if (e.ended() != null) {
            throw InvalidInput.conflict("employmentId", "organisation.error.ended", e.ended());
        }
        LocalDate end = OrganisationInput.day(endDate, "endDate");
        if (end.isBefore(e.started())) {
            throw InvalidInput.of("endDate", "organisation.error.endBeforeStart", e.started());
        }
        store.endEmployment(employmentId, end, caller.username());
        store.recordVersion(id, caller.username(), "STAFF_ENDED",
                Map.of("employmentId", employmentId, "name", e.name(), "endDate", end.toString()));
        events.publishEvent(new AuditEvent("ORGANISATION_STAFF_ENDED", ORGANISATION, Long.toString(id),
                org.nodePath(), null, AuditEvent.Result.SUCCESS, "employment=" + employmentId + "; end=" + end, null));
        return view(id);
    }

    private static void sameOrNoted(Map<String, Object> diff, String key, String old, String now,
                                    Map<String, Object> after) {
        if (!Objects.equals(old, now) && !diff.containsKey(key)) {
            diff.put(key, Map.of("from", "(masked)", "to", String.valueOf(after.get(key))));
        }
    }

    private void checkPerson(Long personId, String field, Caller caller) {
        if (personId != null && population.find(personId, caller.scope()).isEmpty()) {
            throw InvalidInput.of(field, "organisation.error.person", personId);
        }
    }

    private void unique(OrganisationFacts f, Long self) {
        if (f.creditCode() != null) {
            store.byCreditCode(f.creditCodeValue()).filter(other -> !other.equals(self))
                    .ifPresent(other -> {
                        throw InvalidInput.conflict("creditCode", "organisation.error.creditCodeTaken");
                    });
        }
        store.byNodeAndName(f.place().code(), f.name()).filter(other -> !other.equals(self))
                .ifPresent(other -> {
                    throw InvalidInput.conflict("name", "organisation.error.duplicate");
                });
    }

    private OrganisationView view(long id) {
        return store.view(store.find(id).orElseThrow(() -> notFound(id)));
    }

    private static OrganisationNotFound notFound(long id) {
        return new OrganisationNotFound("organisation", id);
    }

    private static OrganisationBody empty() {
        return new OrganisationBody(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The stored facts with the patch's non-null fields laid over them. */
    static OrganisationBody merge(OrganisationRow o, OrganisationBody p) {
        return new OrganisationBody(
                or(p.name(), o.name()), or(p.creditCode(), o.creditCode()), or(p.type(), o.type().name()),
                or(p.industry(), o.industry()), or(p.addressCode(), o.nodeCode()),
                or(p.legalRepresentative(), o.legalRepName()),
                or(p.legalRepresentativeDocumentType(), o.legalRepDocumentType()),
                or(p.legalRepresentativeDocument(), o.legalRepDocument()),
                p.legalRepresentativePersonId() != null ? p.legalRepresentativePersonId() : o.legalRepPersonId(),
                or(p.phone(), o.phone()), or(p.securityContact(), o.securityName()),
                or(p.securityPhone(), o.securityPhone()), or(p.status(), o.status().name()));
    }

    private static String or(String patch, String old) {
        return patch != null ? patch : old;
    }

    /** The facts as versions keep them: numbers masked. */
    static Map<String, Object> snapshot(OrganisationFacts f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("creditCode", f.creditCodeValue());
        m.put("type", f.type().name());
        m.put("industry", f.industry());
        m.put("addressCode", f.place().code());
        m.put("legalRepresentative", f.legalRepName());
        m.put("legalRepresentativeDocument", f.legalRepDocument() == null ? null : f.legalRepDocument().masked());
        m.put("legalRepresentativePersonId", f.legalRepPersonId());
        m.put("phone", Masking.phone(f.phone()));
        m.put("securityContact", f.securityName());
        m.put("securityPhone", Masking.phone(f.securityPhone()));
        m.put("status", f.status().name());
        return m;
    }

    static Map<String, Object> snapshot(OrganisationRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("creditCode", r.creditCode());
        m.put("type", r.type().name());
        m.put("industry", r.industry());
        m.put("addressCode", r.nodeCode());
        m.put("legalRepresentative", r.legalRepName());
        m.put("legalRepresentativeDocument", Masking.document(r.legalRepDocument()));
        m.put("legalRepresentativePersonId", r.legalRepPersonId());
        m.put("phone", Masking.phone(r.phone()));
        m.put("securityContact", r.securityName());
        m.put("securityPhone", Masking.phone(r.securityPhone()));
        m.put("status", r.status().name());
        return m;
    }
}

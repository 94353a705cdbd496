package org.beatbook.population.internal;

import org.beatbook.population.Sex;
import org.beatbook.population.internal.PersonStore.PersonRow;
import org.beatbook.population.internal.PersonViews.PersonView;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.security.Scope;
import org.beatbook.shared.web.InvalidInput;
import org.beatbook.shared.web.InvalidInput.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two records of the same human made one (registered once by passport, once by ID card): the survivor takes the
 * other's residences, phones, names (as former names), tags and the facts it lacks; the other stays as a tombstone
 * pointing at the survivor, so its id and its document still lead to the person. Both get a version; the merge is
 * audited. Records that cannot be the same human (two different ID numbers, different birth dates or sexes) are
 * refused with the reason.
 */
@Service
public class PersonMerge {

    /** Merging rewrites two persons' history: the two roles that also see full numbers. */
    public static final Set<Role> MERGERS = PersonRegistry.REVEALERS;

    /** Both records side by side (masked) and, if any, why they cannot be merged. */
    public record Comparison(PersonView survivor, PersonView other, List<Violation> refusals) { }

    private final PersonStore store;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    PersonMerge(PersonStore store, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.store = store;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Comparison compare(long id, long otherId, Caller caller) {
        requireMerger(caller);
        store.scopePath(id, caller.scope()).orElseThrow(() -> new PersonNotFound(id));
        requireOther(otherId, caller.scope());
        PersonRow survivor = store.find(id).orElseThrow(() -> new PersonNotFound(id));
        PersonRow other = store.find(otherId).orElseThrow(() -> new PersonNotFound(otherId));
        return new Comparison(store.view(survivor), store.view(other), refusals(survivor, other));
    }

    /** Persons in scope that may be the same human: same name, or a shared phone. */
    @Transactional(readOnly = true)
    public List<PersonView> candidates(long id, Caller caller) {
        requireMerger(caller);
        store.scopePath(id, caller.scope()).orElseThrow(() -> new PersonNotFound(id));
        return jdbc.sql("""
                        select distinct o.id from population.person p
                        join population.person o on o.id <> p.id and o.merged_into is null
                         and (o.name = p.name or o.id in (select b.person_id from population.person_phone a
                              join population.person_phone b on b.phone = a.phone where a.person_id = p.id))
                        where p.id = ? and exists (select 1 from population.residence r where r.person_id = o.id
                              and r.moved_out is null and r.node_path <@ ?::ltree[])
                        order by o.id limit 10""")
                .param(id).param(caller.scope().sqlArray()).query(Long.class).list()
                .stream().map(o -> store.view(store.find(o).orElseThrow())).toList();
    }

    /** Merges {@code otherId} into {@code id}; answers the survivor. */
    @Transactional
    public PersonView merge(long id, long otherId, Caller caller) {
        requireMerger(caller);
        String path = store.scopePath(id, caller.scope()).orElseThrow(() -> new PersonNotFound(id));
        requireOther(otherId, caller.scope());
        // lock in id order, so two merges of the same pair cannot deadlock
        PersonRow first = store.lock(Math.min(id, otherId)).orElseThrow(() -> new PersonNotFound(id));
        PersonRow second = store.lock(Math.max(id, otherId)).orElseThrow(() -> new PersonNotFound(otherId));
        PersonRow survivor = first.id() == id ? first : second;
        PersonRow other = first.id() == id ? second : first;
        List<Violation> refusals = refusals(survivor, other);
        if (!refusals.isEmpty()) {
            throw new InvalidInput(HttpStatus.CONFLICT, refusals);
        }
        LocalDate today = LocalDate.now(PersonInput.CHINA);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("mergedId", other.id());
        changes.put("documentType", other.documentType().name());
        changes.put("idNumber", other.maskedDocument());
        changes.put("name", other.name());

        // a room both live in keeps the survivor's residence; the other's ends today (history stays)
        List<Long> ended = jdbc.sql("""
                        update population.residence r set moved_out = greatest(r.moved_in, ?), ended_at = now(), ended_by = ?
                        where r.person_id = ? and r.moved_out is null and r.node_code in
                              (select s.node_code from population.residence s where s.person_id = ? and s.moved_out is null)
                        returning r.id""")
                .param(today).param(caller.username()).param(other.id()).param(survivor.id()).query(Long.class).list();
        List<Long> moved = jdbc.sql("update population.residence set person_id = ? where person_id = ? returning id")
                .param(survivor.id()).param(other.id()).query(Long.class).list();
        changes.put("residences", moved);
        if (!ended.isEmpty()) {
            changes.put("residencesEnded", ended);
        }

        List<String> newPhones = other.phones().stream().filter(p -> !survivor.phones().contains(p)).toList();
        jdbc.sql("delete from population.person_phone where person_id = ?").param(other.id()).update();
        for (int i = 0; i < newPhones.size(); i++) {
            jdbc.sql("insert into population.person_phone (person_id, position, phone) values (?, ?, ?)")
                    .param(survivor.id()).param(survivor.phones().size() + i).param(newPhones.get(i)).update();
        }
        if (!newPhones.isEmpty()) {
            changes.put("phones", newPhones.stream().map(org.beatbook.shared.masking.Masking::phone).toList());
        }

        Set<String> former = new LinkedHashSet<>(survivor.formerNames());
        former.add(other.name());
        former.addAll(other.formerNames());
        former.remove(survivor.name());
        Set<String> tags = new LinkedHashSet<>(survivor.tags());
        tags.addAll(other.tags());
        PersonRow merged = new PersonRow(survivor.id(), survivor.documentType(), survivor.documentNumber(),
                survivor.name(), List.copyOf(former),
                survivor.sex() == Sex.UNKNOWN || survivor.sex() == Sex.UNSTATED ? other.sex() : survivor.sex(),
                survivor.ethnicity() != null ? survivor.ethnicity() : other.ethnicity(),
                survivor.birthDate() != null ? survivor.birthDate() : other.birthDate(),
                survivor.phones(), or(survivor.householdDivision(), other.householdDivision()),
                or(survivor.occupation(), other.occupation()), or(survivor.employer(), other.employer()),
                List.copyOf(tags), survivor.version());
        if (!merged.formerNames().equals(survivor.formerNames())) {
            changes.put("formerNames", merged.formerNames());
        }
        if (!merged.tags().equals(survivor.tags())) {
            changes.put("tags", merged.tags());
        }
        store.update(merged);
        jdbc.sql("update population.person set merged_into = ?, tags = '{}', updated_at = now() where id = ?")
                .param(survivor.id()).param(other.id()).update();
        // earlier tombstones of the other now point at the survivor too: a pointer is never more than one hop
        jdbc.sql("update population.person set merged_into = ? where merged_into = ?")
                .param(survivor.id()).param(other.id()).update();

        store.recordVersion(survivor.id(), caller.username(), "MERGED", changes);
        store.recordVersion(other.id(), caller.username(), "MERGED_INTO", Map.of("survivorId", survivor.id()));
        events.publishEvent(new AuditEvent("PERSON_MERGED", PersonRegistry.PERSON, Long.toString(survivor.id()), path,
                null, AuditEvent.Result.SUCCESS, "merged=" + other.id() + "; document=" + other.documentType() + " "
                + other.maskedDocument() + "; residences=" + moved.size(), null));
        return store.view(store.find(survivor.id()).orElseThrow());
    }

    private static void requireMerger(Caller caller) {
        if (!MERGERS.contains(caller.role())) {
            throw new AccessDeniedException("merging needs STATION_LEADER or COMMUNITY_OFFICER");
        }
    }

    /** The other record is named in the body: out of scope or missing is a 400 on {@code otherId}. */
    private void requireOther(long otherId, Scope scope) {
        if (store.scopePath(otherId, scope).isEmpty()) {
            throw InvalidInput.of("otherId", "population.merge.other.unknown");
        }
    }

    static List<Violation> refusals(PersonRow survivor, PersonRow other) {
        List<Violation> why = new ArrayList<>();
        if (survivor.id() == other.id()) {
            why.add(new Violation("otherId", "population.merge.same"));
            return why;
        }
        if (survivor.idLike() && other.idLike() && !survivor.documentNumber().equals(other.documentNumber())) {
            why.add(new Violation("otherId", "population.merge.differentIdNumbers"));
        }
        if (survivor.birthDate() != null && other.birthDate() != null
                && !survivor.birthDate().equals(other.birthDate())) {
            why.add(new Violation("otherId", "population.merge.differentBirthDates"));
        }
        if (known(survivor.sex()) && known(other.sex()) && survivor.sex() != other.sex()) {
            why.add(new Violation("otherId", "population.merge.differentSex"));
        }
        return why;
    }

    private static boolean known(Sex sex) {
        return sex == Sex.MALE || sex == Sex.FEMALE;
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}

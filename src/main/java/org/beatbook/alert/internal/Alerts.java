package org.beatbook.alert.internal;

import org.beatbook.address.AddressNodeMoved;
import org.beatbook.address.AddressNodeRenamed;
import org.beatbook.alert.AlertRule;
import org.beatbook.alert.internal.AlertStore.Filter;
import org.beatbook.alert.internal.AlertStore.RuleRate;
import org.beatbook.identity.UserDirectory;
import org.beatbook.identity.UserDirectory.UserCard;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.web.InvalidInput;
import org.beatbook.shared.web.NotFound;
import org.beatbook.vehicle.VehicleRegistry;
import org.beatbook.vehicle.VehicleRegistry.VehicleOwner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads alerts in the caller's scope and moves them on: acknowledge, dispatch to an officer whose jurisdiction
 * covers the place, close with an outcome. Every change is audited and pushed to the live pages.
 */
@Service
public class Alerts {

    /** Who works alerts: the police roles (community workers and administrators do not). */
    public static final Set<Role> POLICE = Set.of(Role.STATION_LEADER, Role.COMMUNITY_OFFICER, Role.AUXILIARY_POLICE);
    static final String ALERT = "ALERT";

    public record AlertPage(List<AlertView> items, int page, int size, boolean hasMore) { }

    /** An opened alert: with the registered vehicle's owner when there is one (that part is a read of personal data). */
    public record AlertDetail(AlertView alert, VehicleOwner vehicle) { }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    public static class AlertNotFound extends NotFound {
        AlertNotFound(long id) {
            super("alert", Long.toString(id));
        }
    }

    private final AlertStore store;
    private final AlertStream stream;
    private final VehicleRegistry vehicles;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;

    Alerts(AlertStore store, AlertStream stream, VehicleRegistry vehicles, UserDirectory users,
           ApplicationEventPublisher events) {
        this.store = store;
        this.stream = stream;
        this.vehicles = vehicles;
        this.users = users;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public AlertPage list(AlertState state, AlertRule rule, LocalDate from, LocalDate until, Caller caller, int page,
                          int size) {
        if (page < 0 || page > 10_000) {
            throw InvalidInput.of("page", "alert.page.range", 0, 10_000);
        }
        if (size < 1 || size > 200) {
            throw InvalidInput.of("size", "alert.size.range", 1, 200);
        }
        if (from != null && until != null && until.isBefore(from)) {
            throw InvalidInput.of("until", "alert.filter.untilBeforeFrom");
        }
        Filter f = new Filter(state, rule, from == null ? null : from.atStartOfDay(AlertRules.LOCAL).toInstant(),
                until == null ? null : until.plusDays(1).atStartOfDay(AlertRules.LOCAL).toInstant());
        List<AlertView> rows = store.list(f, caller.scope(), page * size, size);
        boolean more = rows.size() > size;
        return new AlertPage(more ? rows.subList(0, size) : rows, page, size, more);
    }

    @Transactional(readOnly = true)
    public List<AlertView> open(Caller caller) {
        return store.open(caller.scope(), 50);
    }

    /** One alert, as a card: no personal data. */
    @Transactional(readOnly = true)
    public AlertView card(long id, Caller caller) {
        return store.find(id, caller.scope()).orElseThrow(() -> new AlertNotFound(id));
    }

    /** One alert with the registered vehicle's owner; recorded as a read (of the person, when one is shown). */
    @Transactional
    public AlertDetail detail(long id, Caller caller) {
        AlertView a = card(id, caller);
        VehicleOwner owner = a.vehicleId() == null ? null : vehicles.owner(a.vehicleId(), caller.scope()).orElse(null);
        events.publishEvent(AuditEvent.success("ALERT_READ", ALERT, Long.toString(id), a.nodePath()));
        if (owner != null) {
            events.publishEvent(AuditEvent.success("PERSON_READ", "PERSON", Long.toString(owner.ownerId()), a.nodePath())
                    .withDetail("owner of vehicle " + owner.vehicleId() + " in alert " + id));
        }
        return new AlertDetail(a, owner);
    }

    @Transactional
    public AlertView acknowledge(long id, Caller caller) {
        return move(id, caller, List.of(AlertState.NEW), "state = 'ACKNOWLEDGED', acknowledged_at = now(), acknowledged_by = :by",
                Map.of("by", caller.username()), "ALERT_ACKNOWLEDGED", null);
    }

    @Transactional
    public AlertView dispatch(long id, Long assigneeId, String note, Caller caller) {
        AlertView a = card(id, caller);
        if (assigneeId == null) {
            throw InvalidInput.of("assigneeId", "alert.dispatch.assignee.required");
        }
        UserCard assignee = assignees(a).stream().filter(u -> u.id() == assigneeId).findFirst()
                .orElseThrow(() -> InvalidInput.of("assigneeId", "alert.dispatch.assignee.notCovering"));
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 200) {
            throw InvalidInput.of("note", "alert.text.tooLong", 200);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("by", caller.username());
        values.put("assignee", assignee.id());
        values.put("assigneeName", assignee.displayName());
        values.put("note", text);
        return move(id, caller, List.of(AlertState.ACKNOWLEDGED), """
                        state = 'DISPATCHED', dispatched_at = now(), dispatched_by = :by, assignee_id = :assignee,
                        assignee_name = :assigneeName, dispatch_note = :note""", values, "ALERT_DISPATCHED",
                "assignee=" + assignee.username());
    }

    @Transactional
    public AlertView close(long id, Outcome outcome, String note, Caller caller) {
        card(id, caller);
        if (outcome == null) {
            throw InvalidInput.of("outcome", "alert.close.outcome.required");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (outcome == Outcome.OTHER && text == null) {
            throw InvalidInput.of("note", "alert.close.note.required");
        }
        if (text != null && text.length() > 200) {
            throw InvalidInput.of("note", "alert.text.tooLong", 200);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("by", caller.username());
        values.put("outcome", outcome.name());
        values.put("note", text);
        return move(id, caller, List.of(AlertState.ACKNOWLEDGED, AlertState.DISPATCHED),
                "state = 'CLOSED', closed_at = now(), closed_by = :by, outcome = :outcome, outcome_note = :note",
                values, "ALERT_CLOSED", "outcome=" + outcome);
    }

    /** Officers who may be given the alert: police roles whose jurisdiction covers its place. */
    @Transactional(readOnly = true)
    public List<UserCard> assignees(long id, Caller caller) {
        return assignees(card(id, caller));
    }

    /** Per rule over the last {@code days} days: raised, closed, closed as false positive. */
    @Transactional(readOnly = true)
    public List<RuleRate> rates(Caller caller, int days) {
        return store.rates(caller.scope(), Instant.now().minus(days, ChronoUnit.DAYS));
    }

    private List<UserCard> assignees(AlertView a) {
        return users.covering(a.nodePath(), POLICE);
    }

    private AlertView move(long id, Caller caller, List<AlertState> from, String set, Map<String, Object> values,
                           String action, String detail) {
        AlertView before = card(id, caller);
        if (!store.transition(id, caller.scope(), from, set, values)) {
            throw new InvalidInput(HttpStatus.CONFLICT, List.of(new InvalidInput.Violation("state",
                    "alert.state.wrong", before.state().name())));
        }
        events.publishEvent(new AuditEvent(action, ALERT, Long.toString(id), before.nodePath(), null,
                AuditEvent.Result.SUCCESS, detail, null));
        AlertView after = card(id, caller);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                stream.changed(after);
            }
        });
        return after;
    }

    @EventListener
    void on(AddressNodeMoved moved) {
        store.moveNodes(moved.oldPath(), moved.newPath());
    }

    @EventListener
    void on(AddressNodeRenamed renamed) {
        store.renamePlace(renamed.code(), renamed.path(), renamed.newName());
    }
}

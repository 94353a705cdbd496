package org.beatbook.vehicle.internal;

import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Scope;
import org.beatbook.shared.web.InvalidInput;
import org.beatbook.shared.web.InvalidInput.Violation;
import org.beatbook.vehicle.Plates;
import org.beatbook.vehicle.VehicleKind;
import org.beatbook.vehicle.internal.VehicleRequests.NewVehicle;
import org.beatbook.vehicle.internal.VehicleRequests.VehicleChange;
import org.beatbook.vehicle.internal.VehicleRequests.VehiclePage;
import org.beatbook.vehicle.internal.VehicleRequests.VehicleView;
import org.beatbook.vehicle.internal.VehicleStore.Row;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Registers residents' vehicles at one of the owner's rooms, changes and opens them, in the caller's scope. A
 * vehicle's owner is a person: opening a vehicle shows the owner's name, so it is recorded as a read.
 */
@Service
public class Vehicles {

    static final String VEHICLE = "VEHICLE";

    private final VehicleStore store;
    private final Owners persons;
    private final RegisteredVehicles registered;
    private final ApplicationEventPublisher events;

    Vehicles(VehicleStore store, Owners persons, RegisteredVehicles registered,
             ApplicationEventPublisher events) {
        this.store = store;
        this.persons = persons;
        this.registered = registered;
        this.events = events;
    }

    @Transactional
    public VehicleView register(NewVehicle in, Caller caller) {
        if (in == null) {
            throw InvalidInput.of("kind", "vehicle.kind.required");
        }
        List<Violation> problems = new ArrayList<>();
        if (in.kind() == null) {
            problems.add(new Violation("kind", "vehicle.kind.required"));
        }
        if (in.ownerId() == null) {
            problems.add(new Violation("ownerId", "vehicle.owner.required"));
        }
        Row row = checked(in.kind(), 0, in.plate(), in.plateColor(), in.vehicleType(), in.tag(), in.brand(),
                in.colour(), problems);
        Owners.Owner owner = in.ownerId() == null ? null : persons.find(in.ownerId(), caller.scope()).orElse(null);
        if (in.ownerId() != null && owner == null) {
            problems.add(new Violation("ownerId", "vehicle.owner.notFound"));
        }
        Owners.Room home = owner == null ? null : home(owner, in.addressCode(), caller, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        unique(row, 0);
        Row toInsert = new Row(0, row.kind(), row.plate(), row.plateColor(), row.vehicleType(), row.tag(),
                row.brand(), row.colour(), owner.id(), home.code(), home.path(), null, null, 1);
        long id = store.insert(toInsert, caller.username());
        events.publishEvent(new AuditEvent("VEHICLE_REGISTERED", VEHICLE, Long.toString(id), home.path(), null,
                AuditEvent.Result.SUCCESS, describe(toInsert) + "; owner=" + owner.id() + "; room=" + home.code(),
                null));
        registered.reloadAfterCommit();
        return store.find(id, caller.scope()).orElseThrow().view(owner.name());
    }

    /** The vehicle with its owner's name; recorded as a read of personal data. */
    @Transactional
    public VehicleView open(long id, Caller caller) {
        Row r = store.find(id, caller.scope()).orElseThrow(() -> new VehicleNotFound(id));
        events.publishEvent(AuditEvent.success("VEHICLE_READ", VEHICLE, Long.toString(id), r.nodePath())
                .withDetail("owner=" + r.ownerId()));
        return r.view(persons.names(List.of(r.ownerId()), caller.scope()).get(r.ownerId()));
    }

    @Transactional
    public VehicleView change(long id, VehicleChange in, Caller caller) {
        Row old = store.lock(id, caller.scope()).orElseThrow(() -> new VehicleNotFound(id));
        VehicleChange c = in == null ? new VehicleChange(null, null, null, null, null, null, null) : in;
        List<Violation> problems = new ArrayList<>();
        Row next = checked(old.kind(), id, keep(c.plate(), old.plate()), c.plateColor() != null ? c.plateColor() : old.plateColor(),
                c.vehicleType() != null ? c.vehicleType() : old.vehicleType(), keep(c.tag(), old.tag()),
                keep(c.brand(), old.brand()), keep(c.colour(), old.colour()), problems);
        String code = old.nodeCode();
        String path = old.nodePath();
        if (c.addressCode() != null && !c.addressCode().equals(old.nodeCode())) {
            Owners.Room home = persons.homeOf(old.ownerId(), c.addressCode(), caller.scope()).orElse(null);
            if (home == null) {
                problems.add(new Violation("addressCode", "vehicle.room.notOwners"));
            } else {
                code = home.code();
                path = home.path();
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        unique(next, id);
        Row now = new Row(id, old.kind(), next.plate(), next.plateColor(), next.vehicleType(), next.tag(),
                next.brand(), next.colour(), old.ownerId(), code, path, old.registeredAt(), old.lastSeenAt(),
                old.version());
        if (now.equals(old)) {
            return old.view(persons.names(List.of(old.ownerId()), caller.scope()).get(old.ownerId()));
        }
        store.update(now);
        events.publishEvent(new AuditEvent("VEHICLE_UPDATED", VEHICLE, Long.toString(id), path, null,
                AuditEvent.Result.SUCCESS, describe(now) + "; room=" + code, null));
        registered.reloadAfterCommit();
        return store.find(id, caller.scope()).orElseThrow().view(persons.names(List.of(old.ownerId()), caller.scope()).get(old.ownerId()));
    }

    /**
     * Vehicles in scope by a plate or tag fragment, kind, compound (any node code in scope) and owner.
     *
     * @throws InvalidInput naming {@code compound} when that node is not in scope
     */
    @Transactional(readOnly = true)
    public VehiclePage search(String q, VehicleKind kind, String underPath, Long ownerId, Scope scope, int page,
                              int size) {
        if (page < 0 || page > 1000) {
            throw InvalidInput.of("page", "vehicle.page.range", 0, 1000);
        }
        if (size < 1 || size > 100) {
            throw InvalidInput.of("size", "vehicle.size.range", 1, 100);
        }
        String fragment = Plates.plate(q);
        if (fragment != null && fragment.length() > 32) {
            throw InvalidInput.of("q", "vehicle.q.tooLong", 32);
        }
        List<Row> rows = store.search(fragment, kind, underPath, ownerId, scope, page * size, size);
        boolean more = rows.size() > size;
        List<Row> shown = more ? rows.subList(0, size) : rows;
        Map<Long, String> names = persons.names(shown.stream().map(Row::ownerId).distinct().toList(), scope);
        return new VehiclePage(shown.stream().map(r -> r.view(names.get(r.ownerId()))).toList(), page, size, more);
    }

    /** The owner's current rooms in scope, for the registration form. */
    @Transactional(readOnly = true)
    public java.util.Optional<Owners.Owner> owner(long personId, Caller caller) {
        return persons.find(personId, caller.scope());
    }

    /** Validates and canonicalises the vehicle's own fields; problems are collected, not thrown. */
    static Row checked(VehicleKind kind, long id, String plateIn, PlateColor color, VehicleType type, String tagIn,
                       String brandIn, String colourIn, List<Violation> problems) {
        String plate = Plates.plate(plateIn);
        String tag = Plates.tag(tagIn);
        if (kind == VehicleKind.MOTOR) {
            if (plate == null) {
                problems.add(new Violation("plate", "vehicle.plate.required"));
            } else if (!Plates.validMotorPlate(plate)) {
                problems.add(new Violation("plate", "vehicle.plate.invalid"));
            }
            if (tag != null) {
                problems.add(new Violation("tag", "vehicle.tag.motor"));
            }
        } else if (kind == VehicleKind.EBIKE) {
            if (tag == null) {
                problems.add(new Violation("tag", "vehicle.tag.required"));
            } else if (!Plates.validTag(tag)) {
                problems.add(new Violation("tag", "vehicle.tag.invalid"));
            }
            if (plate != null && !Plates.validEbikePlate(plate)) {
                problems.add(new Violation("plate", "vehicle.plate.invalid"));
            }
        }
        String brand = text(brandIn, "brand", 40, problems);
        String colour = text(colourIn, "colour", 20, problems);
        return new Row(id, kind, plate, kind == VehicleKind.MOTOR ? color : (plate == null ? null : color),
                kind == VehicleKind.MOTOR ? type : null, tag, brand, colour, 0, null, null, null, null, 0);
    }

    private void unique(Row r, long exceptId) {
        if (store.taken("plate", r.plate(), exceptId)) {
            throw InvalidInput.conflict("plate", "vehicle.plate.taken");
        }
        if (store.taken("tag", r.tag(), exceptId)) {
            throw InvalidInput.conflict("tag", "vehicle.tag.taken");
        }
    }

    private Owners.Room home(Owners.Owner owner, String addressCode, Caller caller, List<Violation> problems) {
        if (addressCode == null || addressCode.isBlank()) {
            if (owner.room() == null) {
                problems.add(new Violation("addressCode", "vehicle.room.required"));
            }
            return owner.room();
        }
        Optional<Owners.Room> room = persons.homeOf(owner.id(), addressCode.strip(), caller.scope());
        if (room.isEmpty()) {
            problems.add(new Violation("addressCode", "vehicle.room.notOwners"));
        }
        return room.orElse(null);
    }

    private static String text(String in, String field, int max, List<Violation> problems) {
        if (in == null || in.isBlank()) {
            return null;
        }
        String t = in.strip();
        if (t.length() > max) {
            problems.add(new Violation(field, "vehicle.text.tooLong", max));
        }
        return t;
    }

    private static String keep(String given, String old) {
        if (given == null) {
            return old;
        }
        return given.isEmpty() ? null : given;
    }

    private static String describe(Row r) {
        return "kind=" + r.kind() + (r.plate() == null ? "" : "; plate=" + r.plate())
                + (r.tag() == null ? "" : "; tag=" + r.tag()) + (Objects.isNull(r.brand()) ? "" : "; brand=" + r.brand());
    }
}

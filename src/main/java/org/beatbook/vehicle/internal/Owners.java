package org.beatbook.vehicle.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.population.PopulationApi;
import org.beatbook.population.PopulationApi.ResidentRef;
import org.beatbook.shared.security.Scope;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Vehicle owners are persons of the population module; their rooms are nodes of the address tree. */
@Component
public class Owners {

    /** @param idNumber masked; room: a current home in the asker's scope, or null */
    public record Owner(long id, String name, String idNumber, Room room) { }

    /** A room with its path (for scoping the vehicle) and a label (阳光小区 3号楼 2单元 501室). */
    public record Room(String code, String path, String label) { }

    private final PopulationApi population;
    private final AddressApi addresses;

    Owners(PopulationApi population, AddressApi addresses) {
        this.population = population;
        this.addresses = addresses;
    }

    public Optional<Owner> find(long personId, Scope scope) {
        return population.find(personId, scope).map(p -> new Owner(p.id(), p.name(), p.idNumber(),
                p.addressCode() == null ? null : room(p.addressCode(), scope).orElse(null)));
    }

    /** The room, if the person lives there now and it is in scope. */
    Optional<Room> homeOf(long personId, String roomCode, Scope scope) {
        boolean lives = population.occupants(roomCode, scope).stream().map(ResidentRef::id).anyMatch(id -> id == personId);
        return lives ? room(roomCode, scope) : Optional.empty();
    }

    /** Holders of these canonical resident ID numbers within scope: number → person id (see PopulationApi). */
    Map<String, Long> byIdNumbers(Collection<String> idNumbers, Scope scope) {
        return population.byIdNumbers(idNumbers, scope);
    }

    /** Homes looked up for one bulk run: each person and room read once however many rows name them. */
    Homes homes(Scope scope) {
        return new Homes(scope);
    }

    /** Current homes within one scope, cached; a room's label is its own name. */
    final class Homes {
        private final Scope scope;
        private final Map<String, Set<Long>> occupants = new HashMap<>();
        private final Map<String, Optional<Room>> rooms = new HashMap<>();
        private final Map<Long, Optional<String>> firstHome = new HashMap<>();

        private Homes(Scope scope) {
            this.scope = scope;
        }

        /** The room, if the person lives there now and it is in scope. */
        Optional<Room> at(long personId, String roomCode) {
            Set<Long> there = occupants.computeIfAbsent(roomCode, code -> population.occupants(code, scope).stream()
                    .map(ResidentRef::id).collect(Collectors.toSet()));
            if (!there.contains(personId)) {
                return Optional.empty();
            }
            return rooms.computeIfAbsent(roomCode, code -> addresses.find(code, scope)
                    .map(node -> new Room(code, node.path(), node.name())));
        }

        /** The person's first current home in scope (the room a registration without a room takes). */
        Optional<Room> of(long personId) {
            return firstHome.computeIfAbsent(personId, id -> population.find(id, scope)
                    .map(ResidentRef::addressCode)).flatMap(code -> at(personId, code));
        }
    }

    /** Names of the given persons within scope (one look-up each: a page of vehicles has few owners). */
    Map<Long, String> names(Collection<Long> personIds, Scope scope) {
        Map<Long, String> names = new HashMap<>();
        for (Long id : personIds) {
            population.find(id, scope).ifPresent(p -> names.put(id, p.name()));
        }
        return names;
    }

    private Optional<Room> room(String code, Scope scope) {
        return addresses.find(code, scope).map(node -> new Room(code, node.path(), label(node, scope)));
    }

    private String label(AddressNodeView node, Scope scope) {
        String above = addresses.ancestors(node.code(), scope).stream()
                .filter(a -> a.level().ordinal() >= AddressLevel.COMPOUND.ordinal() && !a.code().equals(node.code()))
                .map(AddressNodeView::name).collect(Collectors.joining(" "));
        return above.isEmpty() ? node.name() : above + " " + node.name();
    }
}

package org.beatbook.dashboard.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressLevel;
import org.beatbook.dashboard.HomeTile;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Address nodes by level within the caller's jurisdiction, for the operational roles and the system admin. */
@Component
class AddressTile implements HomeTile {

    private static final List<AddressLevel> SHOWN = List.of(AddressLevel.STREET, AddressLevel.COMMUNITY,
            AddressLevel.COMPOUND, AddressLevel.BUILDING, AddressLevel.UNIT, AddressLevel.ROOM, AddressLevel.PLACE);

    private final AddressApi addresses;

    AddressTile(AddressApi addresses) {
        this.addresses = addresses;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Section> section(Caller caller) {
        if (!caller.role().operational() && caller.role() != Role.SYSTEM_ADMIN) {
            return Optional.empty();
        }
        Map<AddressLevel, Long> counts = addresses.countByLevel(caller.scope());
        List<Figure> figures = new ArrayList<>();
        for (AddressLevel level : SHOWN) {
            long n = counts.getOrDefault(level, 0L);
            if (n > 0 || level == AddressLevel.COMPOUND || level == AddressLevel.ROOM) {
                figures.add(new Figure("address.level." + level.name(), n, "/addresses"));
            }
        }
        return Optional.of(new Section("dashboard.section.addresses", figures));
    }
}

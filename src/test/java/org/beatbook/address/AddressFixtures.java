package org.beatbook.address;

import org.beatbook.address.internal.AddressService;
import org.beatbook.address.internal.NewAddressNode;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.CallerAuthentication;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.security.Scope;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** Test trees and callers. Every tree gets its own random district code, so tests share one database safely. */
public final class AddressFixtures {

    private AddressFixtures() {
    }

    public static Caller caller(Role role, String... paths) {
        return new Caller(ThreadLocalRandom.current().nextLong(1, 1_000_000), role.name().toLowerCase() + "-user",
                "测试" + role.name(), role, List.of(), new Scope(List.of(paths)));
    }

    public static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }

    public static RequestPostProcessor as(Role role, String... paths) {
        return as(caller(role, paths));
    }

    /**
     * district → street → community → compounds 阳光新城 (buildings 2号楼, 10号楼, 1号楼 → unit → rooms 1201, 501)
     * and 御景花园, plus a school.
     */
    public record Tree(String district, String street, String community, String compound, String otherCompound,
                       String building2, String building10, String building1, String unit, String room501,
                       String room1201, String school, String path) {

        public String communityPath() {
            return district + "." + street + "." + community;
        }

        public String compoundPath() {
            return communityPath() + "." + compound;
        }

        public String otherCompoundPath() {
            return communityPath() + "." + otherCompound;
        }
    }

    public static Tree tree(AddressService addresses) {
        String district = "T" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        Caller admin = caller(Role.SYSTEM_ADMIN, district);
        addresses.create(new NewAddressNode(null, AddressLevel.DISTRICT, "测试区", district, null, null, null), admin);
        String street = create(addresses, admin, district, AddressLevel.STREET, "环峰镇");
        String community = create(addresses, admin, street, AddressLevel.COMMUNITY, "高铁新城社区");
        String compound = create(addresses, admin, community, AddressLevel.COMPOUND, "阳光新城");
        String other = create(addresses, admin, community, AddressLevel.COMPOUND, "御景花园");
        String b2 = create(addresses, admin, compound, AddressLevel.BUILDING, "2号楼");
        String b10 = create(addresses, admin, compound, AddressLevel.BUILDING, "10号楼");
        String b1 = create(addresses, admin, compound, AddressLevel.BUILDING, "1号楼");
        String unit = create(addresses, admin, b1, AddressLevel.UNIT, "1单元");
        String r1201 = create(addresses, admin, unit, AddressLevel.ROOM, "1201");
        String r501 = create(addresses, admin, unit, AddressLevel.ROOM, "501");
        String school = addresses.create(new NewAddressNode(community, AddressLevel.PLACE, "高铁新城小学", null,
                PlaceCategory.SCHOOL, 31.71, 118.1), admin).code();
        return new Tree(district, street, community, compound, other, b2, b10, b1, unit, r501, r1201, school, district);
    }

    private static String create(AddressService addresses, Caller admin, String parent, AddressLevel level, String name) {
        return addresses.create(new NewAddressNode(parent, level, name, null, null, null, null), admin).code();
    }
}

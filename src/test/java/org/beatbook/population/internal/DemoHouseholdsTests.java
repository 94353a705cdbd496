package org.beatbook.population.internal;

import org.beatbook.population.Checked;
import org.beatbook.population.IdNumber;
import org.beatbook.population.Relationship;
import org.beatbook.population.ResidenceType;
import org.beatbook.population.internal.DemoHouseholds.Resident;
import org.beatbook.population.internal.DemoHouseholds.Room;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo residents' rules, on a generated tree of the demo's shape (1,320 rooms in the large compound). */
class DemoHouseholdsTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static List<Room> rooms;
    static List<Resident> residents;
    static int tenantRooms;

    @BeforeAll
    static void generate() {
        rooms = new ArrayList<>();
        for (int c = 1; c <= 16; c++) {
            String compound = "C" + c;
            int buildings = c == 2 ? 20 : 8;
            int units = c == 2 ? 2 : 1;
            int floors = c == 2 ? 11 : 15;
            int perFloor = c == 2 ? 3 : 2;
            for (int b = 1; b <= buildings; b++) {
                for (int u = 1; u <= units; u++) {
                    for (int f = 1; f <= floors; f++) {
                        for (int r = 1; r <= perFloor; r++) {
                            String code = compound + "B" + b + "U" + u + "R" + f + "0" + r;
                            rooms.add(new Room(code, "X." + compound + "." + code, b + "-" + u + "-" + f + "0" + r,
                                    "小区" + c + " " + b + "号楼" + u + "单元" + f + "0" + r + "室", compound));
                        }
                    }
                }
            }
        }
        DemoHouseholds households = new DemoHouseholds(20261129, TODAY);
        residents = households.fill(rooms, DemoResidentsLoader.targets(rooms, "C2"));
        tenantRooms = households.tenantRooms();
    }

    @Test
    void fourteenThousandResidentsAnd3864InTheLargeCompound() {
        assertThat(residents).hasSize(DemoResidentsLoader.RESIDENTS);
        assertThat(residents.stream().filter(r -> r.room().compound().equals("C2"))).hasSize(3_864);
        assertThat(rooms.stream().filter(r -> r.compound().equals("C2"))).hasSize(1_320);
    }

    @Test
    void everyIdNumberIsValidUniqueAndAgreesWithBirthDateAndSex() {
        Set<String> seen = new HashSet<>();
        for (Resident r : residents) {
            Checked<IdNumber> id = IdNumber.parse(r.idNumber(), TODAY);
            assertThat(id.isValid()).as(r.idNumber().substring(0, 6) + " " + r.birthDate()).isTrue();
            assertThat(id.value().birthDate()).isEqualTo(r.birthDate());
            assertThat(id.value().sex().code()).isEqualTo(r.sex());
            assertThat(seen.add(r.idNumber())).isTrue();
        }
        long local = residents.stream().filter(r -> r.idNumber().startsWith("3405")).count();
        long otherProvinces = residents.stream().filter(r -> !r.idNumber().startsWith("34")).count();
        assertThat(local).isGreaterThan(residents.size() * 6L / 10);
        assertThat(otherProvinces).isBetween(residents.size() / 20L, residents.size() / 4L);
    }

    @Test
    void phonesAreUniqueMobilesAndChildrenHaveNone() {
        List<String> phones = residents.stream().map(Resident::phone).filter(p -> p != null).toList();
        assertThat(phones).doesNotHaveDuplicates().allMatch(p -> p.matches("1[3-9][0-9]{9}"));
        assertThat(residents.stream().filter(r -> r.birthDate().isAfter(TODAY.minusYears(14))))
                .isNotEmpty().allMatch(r -> r.phone() == null);
    }

    @Test
    void householdsAreConsistent() {
        Map<String, List<Resident>> byRoom = residents.stream().collect(Collectors.groupingBy(r -> r.room().code()));
        for (List<Resident> room : byRoom.values()) {
            long owners = room.stream().filter(r -> r.type() == ResidenceType.OWNER).count();
            long family = room.stream().filter(r -> r.type() == ResidenceType.FAMILY).count();
            assertThat(owners).isLessThanOrEqualTo(1);
            if (family > 0) {
                assertThat(owners).isEqualTo(1);
            }
            assertThat(room.stream().filter(r -> r.relationship() == Relationship.WIFE
                    || r.relationship() == Relationship.HUSBAND)).hasSizeLessThanOrEqualTo(1);
            assertThat(room.stream().map(Resident::household).distinct()).hasSize(1);
        }
        for (Resident r : residents) {
            assertThat(r.relationship() != null).isEqualTo(r.type() == ResidenceType.FAMILY);
            assertThat(r.movedIn()).isAfterOrEqualTo(r.birthDate()).isBeforeOrEqualTo(TODAY);
            if (r.relationship() == Relationship.WIFE || r.relationship() == Relationship.MOTHER
                    || r.relationship() == Relationship.DAUGHTER) {
                assertThat(r.sex()).isEqualTo("2");
            }
            if (r.relationship() == Relationship.HUSBAND || r.relationship() == Relationship.FATHER
                    || r.relationship() == Relationship.SON) {
                assertThat(r.sex()).isEqualTo("1");
            }
        }
        // a child is younger than the owner, a parent older
        for (List<Resident> room : byRoom.values()) {
            room.stream().filter(r -> r.type() == ResidenceType.OWNER).findFirst().ifPresent(owner -> room.forEach(r -> {
                if (r.relationship() == Relationship.SON || r.relationship() == Relationship.DAUGHTER) {
                    assertThat(r.birthDate()).isAfter(owner.birthDate());
                }
                if (r.relationship() == Relationship.FATHER || r.relationship() == Relationship.MOTHER) {
                    assertThat(r.birthDate()).isBefore(owner.birthDate());
                }
            }));
        }
    }

    @Test
    void aboutEightHundredRentedRoomsSomeGuestsAFewTemporary() {
        assertThat(tenantRooms).isBetween(650, 950);
        assertThat(residents.stream().filter(r -> r.type() == ResidenceType.SHORT_TERM_GUEST).count()).isBetween(30L, 200L);
        assertThat(residents.stream().filter(r -> r.type() == ResidenceType.TEMPORARY).count()).isBetween(10L, 700L);
    }

    @Test
    void multiReadingSurnamesTagsAndOverdueChecksArePresent() {
        for (String surname : List.of("曾", "单", "解", "仇", "区")) {
            assertThat(residents.stream().filter(r -> r.name().startsWith(surname)).count()).as(surname).isGreaterThanOrEqualTo(3);
        }
        assertThat(residents.stream().map(Resident::name)).allMatch(n -> n.length() >= 2 && n.length() <= 4);
        assertThat(residents.stream().filter(r -> r.tags().contains(ResidentCounts.LIVING_ALONE)))
                .isNotEmpty().allMatch(r -> r.type() == ResidenceType.OWNER
                        && r.birthDate().isBefore(TODAY.minusYears(65))
                        && residents.stream().filter(o -> o.room().equals(r.room())).count() == 1);
        assertThat(residents.stream().filter(r -> r.tags().contains(ResidentCounts.NEEDS_CARE)).count()).isPositive();
        long overdue = residents.stream().filter(r -> r.verifiedDaysAgo() > 90).count();
        assertThat(overdue).isBetween(residents.size() * 12L / 100, residents.size() * 18L / 100);
    }

    @Test
    void sameSeedSameResidents() {
        List<Resident> again = new DemoHouseholds(20261129, TODAY).fill(rooms, DemoResidentsLoader.targets(rooms, "C2"));
        assertThat(again).isEqualTo(residents);
    }
}

package org.beatbook.housing.internal;

import org.beatbook.housing.internal.HouseRequests.GuestBody;
import org.beatbook.housing.internal.HouseRequests.HouseBody;
import org.beatbook.housing.internal.HouseRequests.ListingBody;
import org.beatbook.housing.internal.HouseRequests.TenancyBody;
import org.beatbook.housing.internal.HouseRequests.VerificationBody;
import org.beatbook.shared.web.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of houses, tenancies, verifications, listings and guests, without a database. */
class HouseInputTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final List<Usages.Usage> USAGES = List.of(new Usages.Usage("SELF_OCCUPIED", "自住", "self-occupied", 10),
            new Usages.Usage("RENTED", "出租", "rented", 20),
            new Usages.Usage("SHORT_TERM_RENTAL", "网约房", "online short-term rental", 30));
    static final String ID = "34052419800101001X";

    static List<String> fields(Runnable r) {
        try {
            r.run();
        } catch (InvalidInput e) {
            return e.violations().stream().map(InvalidInput.Violation::field).toList();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void usageIsReadFromCodeOrEitherLabel() {
        for (String typed : List.of("RENTED", "rented", "出租", " 出租 ")) {
            assertThat(HouseInput.house(new HouseBody(typed, null, null, null, null, null, null), USAGES, TODAY).usage())
                    .isEqualTo("RENTED");
        }
        assertThat(HouseInput.house(new HouseBody("网约房", null, null, null, null, null, null), USAGES, TODAY).usage())
                .isEqualTo("SHORT_TERM_RENTAL");
        assertThat(fields(() -> HouseInput.house(new HouseBody("宫殿", null, null, null, null, null, null), USAGES, TODAY)))
                .containsExactly("usage");
        assertThat(fields(() -> HouseInput.house(new HouseBody(null, null, null, null, null, null, null), USAGES, TODAY)))
                .containsExactly("usage");
    }

    @Test
    void ownerIsAPersonOrANameWithItsNumbersNormalised() {
        var h = HouseInput.house(new HouseBody("出租", null, "王建国", "340524 19800101 001x", "+86 139-5555-0101",
                "王建国", "13955550101"), USAGES, TODAY);
        assertThat(h.ownerDocument()).isEqualTo(ID);
        assertThat(h.ownerPhone()).isEqualTo("13955550101");
        assertThat(fields(() -> HouseInput.house(new HouseBody("出租", 5L, "王建国", null, null, null, null), USAGES, TODAY)))
                .containsExactly("ownerPersonId");
        assertThat(fields(() -> HouseInput.house(new HouseBody("出租", null, null, ID, null, null, null), USAGES, TODAY)))
                .containsExactly("ownerName");
        assertThat(fields(() -> HouseInput.house(new HouseBody("出租", -1L, null, null, null, null, null), USAGES, TODAY)))
                .containsExactly("ownerPersonId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"340524198001010010", "34052419800101001", "340524198013010015", "3405241980010100XX"})
    void aBadIdNumberIsRefusedWithTheIdRule(String bad) {
        Checks c = new Checks(TODAY);
        assertThat(c.document("ownerIdNumber", bad, false)).isNull();
        assertThat(c.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("ownerIdNumber");
            assertThat(v.messageKey()).startsWith("population.");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"E12345678", "H12345678"})
    void otherDocumentsAreAccepted(String number) {
        Checks c = new Checks(TODAY);
        assertThat(c.document("tenantIdNumber", number, true)).isEqualTo(number);
        assertThat(c.ok()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"2026-03-01,2026-03-01", "2026/3/1,2026-03-01", "2026.03.01,2026-03-01", "2026年3月1日,2026-03-01",
            "20260301,2026-03-01"})
    void datesInTheUsualSpellings(String typed, LocalDate expected) {
        assertThat(Checks.parseDate(typed)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01", "2026-02-30", "01/03/2026", "下周一", "2026-3", "45352"})
    void wrongDatesAreRefused(String typed) {
        Checks c = new Checks(TODAY);
        assertThat(c.date("startDate", typed, true)).isNull();
        assertThat(c.violations()).singleElement().extracting(InvalidInput.Violation::field).isEqualTo("startDate");
    }

    @Test
    void aTenancyNeedsATenantAndAStartNotAfterItsEnd() {
        assertThat(fields(() -> HouseInput.tenancy(new TenancyBody(null, null, null, null, null, null, null), TODAY)))
                .containsExactly("tenantName", "startDate");
        assertThat(fields(() -> HouseInput.tenancy(new TenancyBody(null, "李明", ID, null, "2026-03-01", "2026-02-01",
                null), TODAY))).containsExactly("endDate");
        var t = HouseInput.tenancy(new TenancyBody(null, "李明", ID, "13800000001", "2026-03-01", null, "ZL-01"), TODAY);
        assertThat(t.startDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(t.contractNumber()).isEqualTo("ZL-01");
        assertThatThrownBy(() -> HouseInput.endedOn("2026-02-01", LocalDate.of(2026, 3, 1), TODAY))
                .isInstanceOf(InvalidInput.class);
        assertThat(HouseInput.endedOn(null, LocalDate.of(2026, 3, 1), TODAY)).isEqualTo(TODAY);
    }

    @Test
    void aVerificationIsNormalOrAbnormalWithANoteAndNotInTheFuture() {
        assertThat(HouseInput.verification(new VerificationBody(null, "正常", null), TODAY).verifiedOn()).isEqualTo(TODAY);
        assertThat(HouseInput.verification(new VerificationBody("2026-11-01", "abnormal", "人数不符"), TODAY).result())
                .isEqualTo(VerificationResult.ABNORMAL);
        assertThat(fields(() -> HouseInput.verification(new VerificationBody(null, "异常", null), TODAY)))
                .containsExactly("note");
        assertThat(fields(() -> HouseInput.verification(new VerificationBody("2026-12-01", "可疑", null), TODAY)))
                .containsExactly("verifiedOn", "result");
        // a phone typed into a note is masked before it is stored
        assertThat(HouseInput.verification(new VerificationBody(null, "异常", "房东电话13955550101"), TODAY).note())
                .isEqualTo("房东电话139****0101");
    }

    @Test
    void overdueAfterNinetyDays() {
        assertThat(HouseViews.overdue(null, TODAY)).isTrue();
        assertThat(HouseViews.overdue(TODAY.minusDays(90), TODAY)).isFalse();
        assertThat(HouseViews.overdue(TODAY.minusDays(91), TODAY)).isTrue();
    }

    @Test
    void listingsAndGuests() {
        assertThat(fields(() -> HouseInput.listing(new ListingBody("途家", null, "ftp://x", null), TODAY)))
                .containsExactly("url");
        assertThat(fields(() -> HouseInput.listing(new ListingBody("途家", null, null, null), TODAY)))
                .containsExactly("listingId");
        assertThat(HouseInput.guest(new GuestBody(null, "赵客", ID, "2026-11-20", "2026-11-22"), TODAY).document())
                .isEqualTo("340***********001X");
        assertThat(fields(() -> HouseInput.guest(new GuestBody(null, "赵客", ID, "2026-11-20", "2026-11-19"), TODAY)))
                .containsExactly("checkOut");
    }
}

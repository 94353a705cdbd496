package org.beatbook.housing.internal;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the house API and pages show. Document numbers and phones are masked. */
public final class HouseViews {

    /** A house counts as unverified when its last verification lies further back than this. */
    public static final int VERIFY_EVERY_DAYS = 90;

    private HouseViews() {
    }

    @Schema(description = "A house: its room, usage, owner, landlord, listing, last verification, tenancies and guests")
    public record HouseView(String roomCode, String address, String compoundCode, String usage,
                            PartyView owner, PartyView landlord, ListingView listing, VerificationView verification,
                            List<TenancyView> tenancies, List<GuestView> guests, int version) { }

    @Schema(description = "A person named on a house; personId when registered in the person index")
    public record PartyView(Long personId, String name, String idNumber, String phone) { }

    @Schema(description = "A tenancy; current until endedOn is set")
    public record TenancyView(long id, Long tenantPersonId, String tenantName, String tenantIdNumber,
                              String tenantPhone, LocalDate startDate, LocalDate endDate, String contractNumber,
                              LocalDate endedOn, boolean current) { }

    @Schema(description = "A short-term rental guest registration")
    public record GuestView(long id, Long personId, String name, String idNumber, LocalDate checkIn,
                            LocalDate checkOut) { }

    @Schema(description = "The short-term rental platform listing")
    public record ListingView(String platform, String listingId, String url, String host) { }

    @Schema(description = "The last police verification; overdue when none or older than 90 days")
    public record VerificationView(LocalDate verifiedOn, String verifiedBy, String result, String note,
                                   Long daysAgo, boolean overdue) { }

    @Schema(description = "A row of the house list / rental ledger; overdue only for rental houses not verified "
            + "for 90 days")
    public record HouseSummary(String roomCode, String address, String compoundCode, String usage, String ownerName,
                               String landlordName, String landlordPhone, int currentTenants, String tenantNames,
                               LocalDate verifiedOn, String verificationResult, boolean overdue) { }

    @Schema(description = "One whole number of a house, revealed with a stated purpose; value null when none is "
            + "recorded (an owner registered in the person index is revealed on the person's page)")
    public record Revealed(String roomCode, String field, String value) { }

    @Schema(description = "A page of houses")
    public record HousePage(List<HouseSummary> items, int page, int size, long total) { }

    @Schema(description = "One change of a house: who, when, what")
    public record VersionView(int version, Instant changedAt, String changedBy, String change, String changes) { }

    /** Overdue: never verified, or last verified more than {@link #VERIFY_EVERY_DAYS} days before {@code today}. */
    public static boolean overdue(LocalDate verifiedOn, LocalDate today) {
        return verifiedOn == null || verifiedOn.isBefore(today.minusDays(VERIFY_EVERY_DAYS));
    }
}

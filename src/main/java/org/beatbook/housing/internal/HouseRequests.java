package org.beatbook.housing.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/** JSON bodies of the house API as typed; checked by {@link HouseInput}. Dates are ISO strings (2024-03-01). */
public final class HouseRequests {

    private HouseRequests() {
    }

    @Schema(description = "A house's usage, owner and landlord. The owner is a registered person (ownerPersonId) or "
            + "a name with document and phone when the owner is not a resident.")
    public record HouseBody(@Schema(example = "RENTED") String usage, Long ownerPersonId, String ownerName,
                            String ownerIdNumber, String ownerPhone, String landlordName, String landlordPhone) { }

    @Schema(description = "A tenancy: a registered tenant (tenantPersonId) or a tenant's name and document")
    public record TenancyBody(Long tenantPersonId, String tenantName, String tenantIdNumber, String tenantPhone,
                              @Schema(example = "2026-03-01") String startDate,
                              @Schema(example = "2027-02-28") String endDate, String contractNumber) { }

    @Schema(description = "Ends a tenancy on endedOn (default today); the record stays as history")
    public record EndTenancyBody(String endedOn) { }

    @Schema(description = "A police verification of the house")
    public record VerificationBody(@Schema(example = "2026-11-20") String verifiedOn,
                                   @Schema(example = "NORMAL", allowableValues = {"NORMAL", "ABNORMAL"}) String result,
                                   String note) { }

    @Schema(description = "The short-term rental platform listing of the house")
    public record ListingBody(@Schema(example = "途家") String platform, String listingId, String url, String host) { }

    @Schema(description = "A guest of a short-term rental: a registered person (personId) or a name and document")
    public record GuestBody(Long personId, String name, String idNumber, String checkIn, String checkOut) { }

    @Schema(description = "Show one whole number of the house, with the purpose it is needed for (recorded)")
    public record RevealBody(@Schema(example = "ownerPhone", allowableValues = {"ownerIdNumber", "ownerPhone",
            "landlordPhone"}) String field, @Schema(example = "核实房主身份") String purpose) { }
}

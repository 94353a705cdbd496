package org.beatbook.housing.internal;

import java.time.LocalDate;

/** Checked commands on a house. Document numbers and phones are whole and normalised here; views mask them. */
final class HouseCommands {

    private HouseCommands() {
    }

    record SaveHouse(String usage, Long ownerPersonId, String ownerName, String ownerDocument, String ownerPhone,
                     String landlordName, String landlordPhone) { }

    record AddTenancy(Long tenantPersonId, String tenantName, String tenantDocument, String tenantPhone,
                      LocalDate startDate, LocalDate endDate, String contractNumber) { }

    record Verify(LocalDate verifiedOn, VerificationResult result, String note) { }

    record SetListing(String platform, String listingId, String url, String host) { }

    record RegisterGuest(Long personId, String name, String document, LocalDate checkIn, LocalDate checkOut) { }

    /** @param field one of {@link HouseInput#REVEALABLE} */
    record Reveal(String field, String purpose) { }
}

package org.beatbook.organisation.internal;

import org.beatbook.organisation.CreditCode;
import org.beatbook.population.DocumentNumber;

/**
 * An organisation's facts after every rule held: what is stored. Phones are normalised (mobile: 11 digits,
 * landline: area code, dash, number); document numbers are full here and masked whenever they leave.
 */
record OrganisationFacts(String name, CreditCode creditCode, OrganisationType type, String industry,
                         Places.Place place, String legalRepName, DocumentNumber legalRepDocument,
                         Long legalRepPersonId, String phone, String securityName, String securityPhone,
                         OrganisationStatus status) {

    String creditCodeValue() {
        return creditCode == null ? null : creditCode.value();
    }
}

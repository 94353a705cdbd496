package org.beatbook.organisation.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/** What callers send, as typed: checked by {@link OrganisationInput} before anything is stored. */
public final class OrganisationRequests {

    private OrganisationRequests() {
    }

    /**
     * A unit to register, or (PATCH) the facts to change: a field left out stays, an empty text clears an optional one.
     *
     * @param type   ENTERPRISE, SHOP, SCHOOL, HOSPITAL, PUBLIC_BODY, ASSOCIATION, TRANSPORT_HUB, OTHER (or its Chinese label)
     * @param status OPERATING or CLOSED
     */
    @Schema(description = "An organisation's facts as typed")
    public record OrganisationBody(String name, String creditCode, String type, String industry, String addressCode,
                                   String legalRepresentative, String legalRepresentativeDocumentType,
                                   String legalRepresentativeDocument, Long legalRepresentativePersonId,
                                   String phone, String securityContact, String securityPhone, String status) { }

    /**
     * A person starting at a unit: a registered person by {@code personId}, or a non-resident by name and document.
     *
     * @param role      LEGAL_REPRESENTATIVE, HEAD, SECURITY, EMPLOYEE or OTHER
     * @param startDate yyyy-MM-dd, today when left out
     */
    @Schema(description = "A person starting at an organisation")
    public record EmployeeBody(Long personId, String name, String documentType, String document, String phone,
                               String role, String startDate) { }

    /** @param endDate yyyy-MM-dd, today when left out */
    @Schema(description = "The last day at the organisation")
    public record EndEmployment(String endDate) { }
}

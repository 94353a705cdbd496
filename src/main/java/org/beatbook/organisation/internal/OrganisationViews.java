package org.beatbook.organisation.internal;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What callers read: document numbers and phones always masked. */
public final class OrganisationViews {

    private OrganisationViews() {
    }

    @Schema(description = "An organisation with its staff, current and past (numbers masked)")
    public record OrganisationView(long id, String name, String creditCode, OrganisationType type, String industry,
                                   String addressCode, String addressLabel, String compoundCode,
                                   String legalRepresentative, String legalRepresentativeDocument,
                                   Long legalRepresentativePersonId, String phone, String securityContact,
                                   String securityPhone, OrganisationStatus status, int version,
                                   List<EmployeeView> employees) {
        public OrganisationView {
            employees = List.copyOf(employees);
        }
    }

    @Schema(description = "A person's time at an organisation (numbers masked)")
    public record EmployeeView(long id, Long personId, String name, String document, String phone, StaffRole role,
                               LocalDate startDate, LocalDate endDate) {
        public boolean current() {
            return endDate == null;
        }
    }

    @Schema(description = "A search hit")
    public record OrganisationSummary(long id, String name, String creditCode, OrganisationType type,
                                      String addressCode, String addressLabel, String legalRepresentative,
                                      String phone, OrganisationStatus status) { }

    @Schema(description = "A page of search hits")
    public record SearchPage(List<OrganisationSummary> items, int page, boolean hasMore) {
        public SearchPage {
            items = List.copyOf(items);
        }
    }

    @Schema(description = "One change of an organisation (numbers masked)")
    public record VersionView(int version, Instant changedAt, String changedBy, String change, String changes) { }
}

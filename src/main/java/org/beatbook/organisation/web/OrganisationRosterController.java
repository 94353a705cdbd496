package org.beatbook.organisation.web;

import org.beatbook.organisation.internal.OrganisationRoster;
import org.beatbook.organisation.internal.OrganisationSearch;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.Xlsx;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The roster download from the list page (the list's filters; full numbers with a purpose for those allowed). */
@Controller
@PreAuthorize(OrganisationApiController.OPERATIONAL)
class OrganisationRosterController {

    private final OrganisationRoster roster;
    private final OrganisationSearch search;

    OrganisationRosterController(OrganisationRoster roster, OrganisationSearch search) {
        this.roster = roster;
        this.search = search;
    }

    @GetMapping("/organisations/roster.xlsx")
    ResponseEntity<byte[]> roster(@RequestParam(required = false) String type,
                                  @RequestParam(required = false) String compound,
                                  @RequestParam(required = false) String node,
                                  @RequestParam(required = false) String purpose,
                                  jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        Caller caller = Caller.current();
        roster.mayExport(purpose, caller);
        try {
            return Xlsx.download(roster.export(search.filter(null, type, compound, node, null, caller.scope(), false),
                    purpose, caller, LocaleContextHolder.getLocale()), "organisation-roster.xlsx");
        } catch (InvalidInput e) {
            response.sendError(e.status().value());
            return null;
        }
    }
}

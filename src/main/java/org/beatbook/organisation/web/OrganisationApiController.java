package org.beatbook.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.organisation.internal.OrganisationRegistry;
import org.beatbook.organisation.internal.OrganisationRequests.EmployeeBody;
import org.beatbook.organisation.internal.OrganisationRequests.EndEmployment;
import org.beatbook.organisation.internal.OrganisationRequests.OrganisationBody;
import org.beatbook.organisation.internal.OrganisationRoster;
import org.beatbook.organisation.internal.OrganisationSearch;
import org.beatbook.organisation.internal.OrganisationViews.OrganisationView;
import org.beatbook.organisation.internal.OrganisationViews.SearchPage;
import org.beatbook.organisation.internal.OrganisationViews.VersionView;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.Xlsx;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Organisations over JSON. Every error is RFC 9457 problem JSON with {@code errors: [{field, message}]}. */
@RestController
@RequestMapping("/api/v1/organisations")
@PreAuthorize(OrganisationApiController.OPERATIONAL)
@Tag(name = "organisations", description = "Real organisations: units at address nodes, their staff, the roster")
class OrganisationApiController {

    /** The four operational roles, within their jurisdiction; administrators and auditors do not read units. */
    static final String OPERATIONAL =
            "hasAnyRole('STATION_LEADER','COMMUNITY_OFFICER','AUXILIARY_POLICE','COMMUNITY_WORKER')";

    private final OrganisationRegistry registry;
    private final OrganisationSearch search;
    private final OrganisationRoster roster;

    OrganisationApiController(OrganisationRegistry registry, OrganisationSearch search, OrganisationRoster roster) {
        this.registry = registry;
        this.search = search;
        this.roster = roster;
    }

    @GetMapping
    @Operation(summary = "Search by name, pinyin (full or initials) or credit code; filter by type, compound (\"-\": "
            + "outside compounds), node (its subtree) and status")
    SearchPage search(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                      @RequestParam(required = false) String compound, @RequestParam(required = false) String node,
                      @RequestParam(required = false) String status,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Caller caller = Caller.current();
        return search.search(search.filter(q, type, compound, node, status, caller.scope(), true), caller.scope(), page, size);
    }

    @PostMapping
    @Operation(summary = "Register an organisation at an address node")
    ResponseEntity<OrganisationView> create(@RequestBody OrganisationBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(registry.create(body, Caller.current()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Open an organisation with its staff (masked); recorded in the audit log")
    OrganisationView open(@PathVariable long id) {
        return registry.open(id, Caller.current());
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change an organisation's facts; fields left out stay, an empty text clears")
    OrganisationView change(@PathVariable long id, @RequestBody OrganisationBody body) {
        return registry.change(id, body, Caller.current());
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every change of the organisation, newest first (numbers masked)")
    List<VersionView> versions(@PathVariable long id) {
        return registry.versions(id, Caller.current());
    }

    @PostMapping("/{id}/employees")
    @Operation(summary = "A person starts at the organisation: a registered person by personId, or by name")
    ResponseEntity<OrganisationView> addEmployee(@PathVariable long id, @RequestBody EmployeeBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(registry.addEmployee(id, body, Caller.current()));
    }

    @PostMapping("/{id}/employees/{employmentId}/end")
    @Operation(summary = "A person's time at the organisation ends; it stays in the history")
    OrganisationView endEmployee(@PathVariable long id, @PathVariable long employmentId,
                                 @RequestBody(required = false) EndEmployment body) {
        return registry.endEmployee(id, employmentId, body == null ? null : body.endDate(), Caller.current());
    }

    @GetMapping(value = "/roster", produces = Xlsx.MEDIA_TYPE)
    @Operation(summary = "The organisation roster as xlsx, masked; with a purpose, in full for station leaders and "
            + "community officers (recorded in the audit log)")
    ResponseEntity<byte[]> roster(@RequestParam(required = false) String type,
                                  @RequestParam(required = false) String compound,
                                  @RequestParam(required = false) String node,
                                  @RequestParam(required = false) String purpose) {
        Caller caller = Caller.current();
        roster.mayExport(purpose, caller);
        return Xlsx.download(roster.export(search.filter(null, type, compound, node, null, caller.scope(), true), purpose,
                caller, LocaleContextHolder.getLocale()), "organisation-roster.xlsx");
    }
}

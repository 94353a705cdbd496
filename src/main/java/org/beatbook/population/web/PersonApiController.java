package org.beatbook.population.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.population.ResidenceType;
import org.beatbook.population.internal.PersonInput;
import org.beatbook.population.internal.PersonRegistry;
import org.beatbook.population.internal.PersonRequests.EndResidence;
import org.beatbook.population.internal.PersonRequests.NewPerson;
import org.beatbook.population.internal.PersonRequests.NewResidence;
import org.beatbook.population.internal.PersonRequests.PersonChange;
import org.beatbook.population.internal.PersonRequests.Reveal;
import org.beatbook.population.internal.PersonMerge;
import org.beatbook.population.internal.PersonMerged;
import org.beatbook.population.internal.PersonSearch;
import org.beatbook.population.internal.PersonViews.PersonView;
import org.beatbook.population.internal.PersonViews.Registered;
import org.beatbook.population.internal.PersonViews.Revealed;
import org.beatbook.population.internal.PersonViews.SearchPage;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.web.FieldMessage;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The person index over JSON. Every error is RFC 9457 problem JSON with {@code errors: [{field, message}]}. */
@RestController
@RequestMapping("/api/v1/persons")
@PreAuthorize(PersonApiController.OPERATIONAL)
@Tag(name = "persons", description = "Real population: persons, residences, search, reveal")
class PersonApiController {

    /** Read and write: the four operational roles; administrators and auditors do not read residents. */
    static final String OPERATIONAL =
            "hasAnyRole('STATION_LEADER','COMMUNITY_OFFICER','AUXILIARY_POLICE','COMMUNITY_WORKER')";

    /** A registration's answer: the person and what the caller should check (e.g. typed sex contradicts the ID). */
    record RegisteredBody(PersonView person, boolean created, List<FieldMessage> warnings) { }

    /** The other record of the same human, to be merged into the one in the path. */
    record MergeRequest(Long otherId) { }

    /** A merged-away record's answer (with 301 and {@code Location}): where the person lives on. */
    record MergedPointer(long id, long mergedInto) { }

    private final PersonRegistry registry;
    private final PersonSearch search;
    private final PersonMerge merges;
    private final MessageSource messages;

    PersonApiController(PersonRegistry registry, PersonSearch search, PersonMerge merges, MessageSource messages) {
        this.registry = registry;
        this.search = search;
        this.merges = merges;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "Search by name, pinyin, initials, last 4+ digits of ID or phone, or room (3-2-501)")
    SearchPage search(@RequestParam(required = false) String q,
                      @RequestParam(required = false) ResidenceType residenceType,
                      @RequestParam(required = false) String tag,
                      @RequestParam(required = false) String compound,
                      @RequestParam(defaultValue = "false") boolean unverified,
                      @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "20") int size) {
        return search.search(q, new PersonSearch.Filters(residenceType, tag, compound, unverified),
                Caller.current().scope(), page, size);
    }

    @PostMapping
    @Operation(summary = "Register a person at a room; 409 lists existing persons it may be")
    ResponseEntity<RegisteredBody> register(@RequestBody NewPerson body) {
        Registered r = registry.register(PersonInput.register(body), Caller.current());
        List<FieldMessage> warnings = r.warnings().stream()
                .map(w -> new FieldMessage(w.field(), messages.getMessage(w.messageKey(), w.args(),
                        w.messageKey(), LocaleContextHolder.getLocale())))
                .toList();
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new RegisteredBody(r.person(), r.created(), warnings));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Open a person (masked); recorded in the audit log. A record merged into another answers "
            + "301 with Location of the survivor and {id, mergedInto}")
    PersonView open(@PathVariable long id) {
        return registry.open(id, Caller.current());
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a person's facts; fields left out stay, an empty list or text clears")
    PersonView change(@PathVariable long id, @RequestBody PersonChange body) {
        return registry.change(id, body, Caller.current());
    }

    @PostMapping("/{id}/residences")
    @Operation(summary = "Start another residence at a room")
    ResponseEntity<PersonView> addResidence(@PathVariable long id, @RequestBody NewResidence body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(registry.addResidence(id, PersonInput.residence(body), Caller.current()));
    }

    @PostMapping("/{id}/residences/{residenceId}/end")
    @Operation(summary = "End a residence (move out); it stays in the history")
    PersonView endResidence(@PathVariable long id, @PathVariable long residenceId,
                            @RequestBody(required = false) EndResidence body) {
        return registry.endResidence(id, residenceId, PersonInput.moveOut(body == null ? null : body.moveOutDate()),
                Caller.current());
    }

    @PostMapping("/{id}/merge")
    @PreAuthorize("hasAnyRole('STATION_LEADER','COMMUNITY_OFFICER')")
    @Operation(summary = "Merge another record of the same human (otherId) into this one; the other stays as a "
            + "pointer. Two different ID numbers, birth dates or sexes are refused (409) with the reason")
    PersonView merge(@PathVariable long id, @RequestBody MergeRequest body) {
        if (body == null || body.otherId() == null) {
            throw InvalidInput.of("otherId", "population.merge.other.required");
        }
        return merges.merge(id, body.otherId(), Caller.current());
    }

    @ExceptionHandler(PersonMerged.class)
    ResponseEntity<MergedPointer> merged(PersonMerged e) {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .location(URI.create("/api/v1/persons/" + e.survivorId()))
                .body(new MergedPointer(e.id(), e.survivorId()));
    }

    @PostMapping("/{id}/residences/{residenceId}/verify")
    @Operation(summary = "Record that the caller verified the person still lives there (核查); resets the 90-day clock")
    PersonView verifyResidence(@PathVariable long id, @PathVariable long residenceId) {
        return registry.verifyResidence(id, residenceId, Caller.current());
    }

    @PostMapping("/{id}/reveal")
    @Operation(summary = "Full ID number and phones, with a stated purpose (station leaders and community officers)")
    Revealed reveal(@PathVariable long id, @RequestBody Reveal body) {
        return registry.reveal(id, body.purpose(), Caller.current());
    }
}

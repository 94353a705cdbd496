package org.beatbook.alert.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.alert.internal.Hotlists;
import org.beatbook.alert.internal.Hotlists.EntryPage;
import org.beatbook.alert.internal.Hotlists.NewEntry;
import org.beatbook.shared.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The stolen-vehicle hotlist over JSON: the police read it, the officer and the leader maintain it. */
@RestController
@RequestMapping("/api/v1/hotlist")
@PreAuthorize(AlertApiController.POLICE)
@Tag(name = "hotlist", description = "Stolen motor vehicles (plates) and e-bikes (RFID tags) to watch for")
class HotlistApiController {

    static final String KEEPERS = "hasAnyRole('STATION_LEADER','COMMUNITY_OFFICER')";

    private final Hotlists hotlists;

    HotlistApiController(Hotlists hotlists) {
        this.hotlists = hotlists;
    }

    @GetMapping
    @Operation(summary = "Active entries, newest first; q matches a plate, tag or source fragment")
    EntryPage list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                   @RequestParam(defaultValue = "50") int size) {
        return hotlists.search(q, page, size);
    }

    @PostMapping
    @PreAuthorize(KEEPERS)
    @Operation(summary = "List a stolen vehicle; 409 when that plate or tag is listed already")
    ResponseEntity<?> add(@RequestBody NewEntry body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(hotlists.add(body, Caller.current()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(KEEPERS)
    @Operation(summary = "Take an entry off the list (it stays in the history)")
    ResponseEntity<Void> remove(@PathVariable long id) {
        hotlists.remove(id, Caller.current());
        return ResponseEntity.noContent().build();
    }
}

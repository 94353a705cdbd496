package org.beatbook.alert.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.alert.AlertRule;
import org.beatbook.alert.internal.AlertState;
import org.beatbook.alert.internal.AlertStream;
import org.beatbook.alert.internal.AlertView;
import org.beatbook.alert.internal.Alerts;
import org.beatbook.alert.internal.Alerts.AlertDetail;
import org.beatbook.alert.internal.Alerts.AlertPage;
import org.beatbook.alert.internal.Outcome;
import org.beatbook.shared.security.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.LocalDate;

/** Alerts over JSON, within the caller's jurisdiction; the live feed as server-sent events. */
@RestController
@RequestMapping("/api/v1/alerts")
@PreAuthorize(AlertApiController.POLICE)
@Tag(name = "alerts", description = "Hotlist and rule alerts: list, open, acknowledge, dispatch, close, live feed")
class AlertApiController {

    static final String POLICE = "hasAnyRole('STATION_LEADER','COMMUNITY_OFFICER','AUXILIARY_POLICE')";

    record Dispatch(Long assigneeId, String note) { }

    record Close(Outcome outcome, String note) { }

    private final Alerts alerts;
    private final AlertStream stream;

    AlertApiController(Alerts alerts, AlertStream stream) {
        this.alerts = alerts;
        this.stream = stream;
    }

    @GetMapping
    @Operation(summary = "Alerts newest first with their evidence (plate or tag, device, place, time) and state")
    AlertPage list(@RequestParam(required = false) AlertState state, @RequestParam(required = false) AlertRule rule,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return alerts.list(state, rule, from, until, Caller.current(), page, size);
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live feed (server-sent events): 'alert' for a new alert, 'alert-changed' for a state change")
    SseEmitter stream() {
        return stream.subscribe(Caller.current());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Open an alert; with the registered vehicle's owner (recorded as a read of personal data)")
    AlertDetail open(@PathVariable long id) {
        return alerts.detail(id, Caller.current());
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "NEW → ACKNOWLEDGED; 409 naming state otherwise")
    AlertView acknowledge(@PathVariable long id) {
        return alerts.acknowledge(id, Caller.current());
    }

    @PostMapping("/{id}/dispatch")
    @Operation(summary = "ACKNOWLEDGED → DISPATCHED to an officer whose jurisdiction covers the place")
    AlertView dispatch(@PathVariable long id, @RequestBody Dispatch body) {
        return alerts.dispatch(id, body.assigneeId(), body.note(), Caller.current());
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "ACKNOWLEDGED or DISPATCHED → CLOSED with an outcome (OTHER needs a note)")
    AlertView close(@PathVariable long id, @RequestBody Close body) {
        return alerts.close(id, body.outcome(), body.note(), Caller.current());
    }
}

package org.beatbook.exchange.web;

import org.beatbook.exchange.internal.ExchangeReading;
import org.beatbook.exchange.internal.ExchangeStatus;
import org.beatbook.exchange.internal.OutboxUpkeep;
import org.beatbook.exchange.internal.VolumeLedger;
import org.beatbook.exchange.internal.VolumeRanking;
import org.beatbook.shared.security.Caller;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** The upstream link's state (and re-queuing what it parked) and the volume ledger for tools and the station's command centre. */
@RestController
@RequestMapping("/api/v1")
class ExchangeApiController {

    private final ExchangeReading reading;
    private final VolumeLedger ledger;
    private final OutboxUpkeep upkeep;

    ExchangeApiController(ExchangeReading reading, VolumeLedger ledger, OutboxUpkeep upkeep) {
        this.reading = reading;
        this.ledger = ledger;
        this.upkeep = upkeep;
    }

    /** Queue depth, oldest waiting, last success and error, rates; refused sightings in the caller's jurisdiction. */
    @GetMapping("/exchange/status")
    @PreAuthorize("hasAnyRole('STATION_LEADER', 'COMMUNITY_OFFICER')")
    ExchangeStatus status() {
        return reading.status(Caller.current().scope(), LocaleContextHolder.getLocale());
    }

    /**
     * Puts the parked sightings of the caller's jurisdiction back in the queue (attempts reset), in their original
     * order; answers how many went back. Audited.
     */
    @PostMapping("/exchange/requeue")
    @PreAuthorize("hasAnyRole('STATION_LEADER', 'COMMUNITY_OFFICER')")
    Requeued requeue() {
        return new Requeued(upkeep.requeueParked(Caller.current()));
    }

    /** @param requeued parked sightings put back in the queue */
    public record Requeued(int requeued) { }

    /**
     * The compounds of the caller's jurisdiction ranked by events collected (ties by pushed) between {@code from}
     * and {@code to} (ISO dates, Beijing time, inclusive; both default to today; at most 366 days).
     */
    @GetMapping("/volume")
    @PreAuthorize("hasAnyRole('STATION_LEADER', 'COMMUNITY_OFFICER', 'AUXILIARY_POLICE', 'COMMUNITY_WORKER')")
    VolumeRanking volume(@RequestParam(name = "from", required = false) String from,
                         @RequestParam(name = "to", required = false) String to) {
        LocalDate[] range = VolumeLedger.range(from, to);
        return ledger.ranking(range[0], range[1], Caller.current().scope());
    }
}
